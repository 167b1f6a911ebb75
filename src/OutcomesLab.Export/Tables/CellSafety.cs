namespace OutcomesLab.Export.Tables;

/// <summary>
/// Formula-injection defence (OWASP "CSV Injection"): a spreadsheet runs a cell that begins with
/// <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (and tab or carriage return) as a formula. Such a text value gets a
/// leading single quote, which spreadsheets show as text. Numbers are typed cells and are never touched,
/// so <c>-3.5</c> stays a number.
/// </summary>
public static class CellSafety
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];

    public static bool NeedsNeutralising(string value) => value.Length > 0 && Array.IndexOf(Triggers, value[0]) >= 0;

    public static string Neutralise(string value) => NeedsNeutralising(value) ? "'" + value : value;

    /// <summary>The same table with every text cell neutralised.</summary>
    public static ExportTable Neutralise(ExportTable table)
    {
        var rows = table.Rows.Select(row => row.Select(cell => cell is string s ? Neutralise(s) : cell).ToArray()).ToList();
        // The codebook lists values as they appear in the files.
        var columns = table.Columns.Select(c => c.AllowedValues is null ? c : c with { AllowedValues = c.AllowedValues.Select(Neutralise).ToList() }).ToList();
        return new ExportTable(table.Name, table.Description, columns, rows);
    }
}
