using OutcomesLab.Privacy;

namespace OutcomesLab.Export.Tables;

/// <summary>
/// Runs every text cell of a table through the gate's identifier detectors
/// (<c>OutcomesLab.Privacy.IdentifierDetectors.Detect</c>) before anything is written. A finding names the
/// table, row and column and the rule — never the value.
/// </summary>
public static class IdentifierScreen
{
    public sealed record Finding(string Table, int Row, string Column, string Rule)
    {
        public override string ToString() => $"{Table} row {Row} column {Column} looks like {Rule}";
    }

    public static Finding? FirstFinding(ExportTable table, Func<string, string?> detect)
    {
        // Codes and bands repeat on every row: each distinct value is checked once.
        var seen = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] is not string s) continue;
                if (!seen.TryGetValue(s, out var rule)) seen[s] = rule = detect(s);
                if (rule is not null) return new Finding(table.Name, r + 1, table.Columns[c].Name, rule);
            }
        }
        return null;
    }
}
