using OutcomesLab.Analytics.Csv;

namespace OutcomesLab.Export.Tables;

/// <summary>
/// Formula-injection defence for export tables: every text cell goes through <see cref="FormulaCells"/>,
/// the rule every CSV file OutcomesLab writes follows. Numbers are typed cells and are never touched.
/// </summary>
public static class CellSafety
{
    public static bool NeedsNeutralising(string value) => FormulaCells.NeedsNeutralising(value);

    public static string Neutralise(string value) => FormulaCells.Neutralise(value);

    /// <summary>The same table with every text cell neutralised.</summary>
    public static ExportTable Neutralise(ExportTable table)
    {
        var rows = table.Rows.Select(row => row.Select(cell => cell is string s ? Neutralise(s) : cell).ToArray()).ToList();
        // The codebook lists values as they appear in the files.
        var columns = table.Columns.Select(c => c.AllowedValues is null ? c : c with { AllowedValues = c.AllowedValues.Select(Neutralise).ToList() }).ToList();
        return new ExportTable(table.Name, table.Description, columns, rows);
    }
}
