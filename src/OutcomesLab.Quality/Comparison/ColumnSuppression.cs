namespace OutcomesLab.Quality.Comparison;

/// <summary>
/// Small-cell suppression of one column of a table that also shows its total (metrics.md,
/// "Small-cell suppression", applied to a column): a cell whose own denominator is below min_cell
/// is suppressed (primary); when exactly one cell is suppressed it could be recovered from the
/// total, so the cell with the next smallest denominator is suppressed too (secondary).
/// </summary>
public static class ColumnSuppression
{
    /// <summary>The keys whose cell must not be shown.</summary>
    public static IReadOnlySet<string> Suppressed(IReadOnlyDictionary<string, int> denominators, int minCell)
    {
        var hidden = denominators.Where(kv => kv.Value < minCell).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        if (hidden.Count == 1)
        {
            var next = denominators.Where(kv => !hidden.Contains(kv.Key))
                .OrderBy(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => kv.Key).FirstOrDefault();
            if (next is not null) hidden.Add(next);
        }
        return hidden;
    }
}
