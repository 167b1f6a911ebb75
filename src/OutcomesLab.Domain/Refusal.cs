namespace OutcomesLab.Domain;

/// <summary>
/// Why a file or a row was not stored: batch, file, line, column and rule — never the offending value.
/// <paramref name="Line"/> is null for a whole-file refusal that no single line explains.
/// </summary>
public sealed record Refusal(string Batch, string File, long? Line, string? Column, string Rule, bool WholeFile)
{
    public override string ToString() =>
        $"{Batch}/{File}{(Line is { } l ? $" line {l}" : "")}{(Column is null ? "" : $" column {Column}")}: {Rule}{(WholeFile ? " (whole file refused)" : "")}";
}
