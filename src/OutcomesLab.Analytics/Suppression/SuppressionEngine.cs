namespace OutcomesLab.Analytics.Suppression;

/// <summary>
/// Primary and secondary small-cell suppression over rows and the lines they add up in
/// (docs/contracts/metrics.md, "Small-cell suppression"). Rows are given in their published order;
/// a line is the row indices of its members and its total row.
/// </summary>
internal static class SuppressionEngine
{
    /// <summary>
    /// Primary: a row whose count is below <paramref name="minCell"/> is suppressed. Secondary: in every
    /// line the number of suppressed rows that stand for at least one person must be 0 or ≥ 2; where it
    /// is 1, the unsuppressed row of the line with the smallest count (first in published order on a
    /// tie) is suppressed too; lines are visited in the order given, pass after pass, until one pass
    /// changes nothing.
    /// A suppressed row with count 0 is not counted: subtracting it from its total recovers "nobody",
    /// which discloses no one (this is also how the reference example treats it: a lone n_paired = 0
    /// row in a line gains no partner). Rows marked <paramref name="locked"/> belong to an output
    /// published separately: their state counts but never changes.
    /// </summary>
    public static bool[] Run(IReadOnlyList<long> counts, int minCell, IReadOnlyList<int[]> lines, IReadOnlyList<bool>? locked = null,
        IReadOnlyList<bool>? lockedSuppressed = null)
    {
        if (minCell < 1) throw new ArgumentOutOfRangeException(nameof(minCell), "min_cell must be at least 1");
        var n = counts.Count;
        var suppressed = new bool[n];
        for (var i = 0; i < n; i++)
            suppressed[i] = locked?[i] == true ? lockedSuppressed![i] : counts[i] < minCell;

        bool changed;
        do
        {
            changed = false;
            foreach (var line in lines)
            {
                var atRisk = 0;
                foreach (var i in line)
                    if (suppressed[i] && counts[i] > 0) atRisk++;
                if (atRisk != 1) continue;
                var pick = -1;
                foreach (var i in line)
                {
                    if (suppressed[i] || locked?[i] == true) continue;
                    if (pick < 0 || counts[i] < counts[pick] || (counts[i] == counts[pick] && i < pick)) pick = i;
                }
                if (pick < 0) continue; // nothing left that may change: only locked rows remain
                suppressed[pick] = true;
                changed = true;
            }
        } while (changed);
        return suppressed;
    }

    /// <summary>
    /// Lines from a grouping of rows: the rows sharing a line key (members and their <c>all</c> total
    /// alike), in key order; groups of fewer than <paramref name="minRows"/> rows are no line.
    /// </summary>
    public static List<int[]> LinesBy<TRow, TKey>(IReadOnlyList<TRow> rows, Func<TRow, TKey> lineKey, IComparer<TKey> order, int minRows = 2)
        where TKey : notnull
    {
        var byKey = new Dictionary<TKey, List<int>>();
        for (var i = 0; i < rows.Count; i++)
        {
            var key = lineKey(rows[i]);
            if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = [];
            list.Add(i);
        }
        return byKey.OrderBy(kv => kv.Key, order).Select(kv => kv.Value.ToArray()).Where(l => l.Length >= minRows).ToList();
    }
}
