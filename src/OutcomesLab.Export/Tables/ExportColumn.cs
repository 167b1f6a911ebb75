namespace OutcomesLab.Export.Tables;

/// <summary>One column of an export table and its codebook entry.</summary>
/// <param name="AllowedValues">The values a text column can hold in this export (null: free of a fixed list, e.g. a pseudonym).</param>
/// <param name="Range">For numbers: the range, in words (e.g. "the instrument's score range").</param>
/// <param name="Empty">When the cell is empty, and why (null: never empty).</param>
public sealed record ExportColumn(
    string Name, ColumnType Type, string Meaning,
    IReadOnlyList<string>? AllowedValues = null, string? Range = null, string? Empty = null)
{
    public bool Nullable => Empty is not null;
}
