namespace OutcomesLab.Quality.Comparison;

/// <summary>Which of the two audited tables a row belongs to.</summary>
public enum TableSide
{
    A,
    B,
}

/// <summary>One released row of one of the two audited tables (a vertex of the audit's graph).</summary>
public readonly record struct TableRow(TableSide Table, string Row)
{
    /// <summary>Table A first, then rows by ordinal name: every choice the audit makes is deterministic.</summary>
    public static IOrderedEnumerable<TableRow> InOrder(IEnumerable<TableRow> rows) =>
        rows.OrderBy(r => r.Table).ThenBy(r => r.Row, StringComparer.Ordinal);
}
