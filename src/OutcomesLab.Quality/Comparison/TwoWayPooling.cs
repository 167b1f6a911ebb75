namespace OutcomesLab.Quality.Comparison;

/// <summary>
/// Pools two tables over the same people (therapists and sites, therapists and approaches) so that
/// neither alone nor together do they reveal a figure on fewer than min_cell people:
/// 1. each table is pooled on its own by <see cref="SmallUnitPooling"/> — every row, the "other"
///    pool included, reaches min_cell on every denominator the table shows;
/// 2. <see cref="DifferencingAudit"/> looks for a set of cross cells below min_cell that adding
///    and subtracting rows of both tables would isolate (site S − its one large therapist = S's
///    share of "other"), on every denominator;
/// 3. if it finds one, the cheapest merge that removes that cut is made — a shown unit on one side
///    of the cut joins its table's pool on the other side, or, when that table has no pool yet, the
///    smallest shown unit of each side are pooled together — and the whole check runs again.
/// Every round pools at least one more unit, so it ends; at worst both tables shrink to "other",
/// which is the practice total and is shown only when it reaches min_cell.
/// </summary>
public static class TwoWayPooling
{
    /// <param name="items">the people (episodes) both tables count</param>
    /// <param name="unitA">row of table A (e.g. therapist)</param>
    /// <param name="unitB">row of table B (e.g. site)</param>
    /// <param name="denominators">each figure's denominator as a filter over items (episodes, paired, ended …): every one is protected</param>
    public static (PoolingPlan A, PoolingPlan B) Plan<T>(
        IReadOnlyList<T> items, Func<T, string> unitA, Func<T, string> unitB, int minCell, params Func<T, bool>[] denominators)
    {
        if (denominators.Length == 0) throw new ArgumentException("at least one denominator is needed", nameof(denominators));
        // A unit's count is its smallest denominator: a row shown alone reaches min_cell on all of them.
        var countsA = SmallestDenominator(items, unitA, denominators);
        var countsB = SmallestDenominator(items, unitB, denominators);
        var forcedA = new HashSet<string>(StringComparer.Ordinal);
        var forcedB = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var planA = SmallUnitPooling.Plan(countsA, minCell, forcedA);
            var planB = SmallUnitPooling.Plan(countsB, minCell, forcedB);
            if (!planA.ShownRows.Any() || !planB.ShownRows.Any()) return (planA, planB);

            var cut = denominators
                .Select(d => DifferencingAudit.SmallestRevealedCut(
                    items.Where(d).GroupBy(i => (planA.RowOf(unitA(i)), planB.RowOf(unitB(i))))
                        .Select(g => new CrossCell(g.Key.Item1, g.Key.Item2, g.Count())), minCell))
                .FirstOrDefault(c => c is not null);
            if (cut is null) return (planA, planB);

            var (table, units) = CheapestMerge(cut, planA, planB, countsA, countsB);
            (table == TableSide.A ? forcedA : forcedB).UnionWith(units);
        }
    }

    private static Dictionary<string, int> SmallestDenominator<T>(IReadOnlyList<T> items, Func<T, string> unitOf, Func<T, bool>[] denominators) =>
        items.GroupBy(unitOf, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => denominators.Min(d => g.Count(d)), StringComparer.Ordinal);

    // A violating cut has rows of both tables on both sides (a side holding rows of one table only
    // weighs the sum of those rows, each at least min_cell), so some merge always exists.
    private static (TableSide Table, IReadOnlyList<string> Units) CheapestMerge(
        RevealedCut cut, PoolingPlan planA, PoolingPlan planB, Dictionary<string, int> countsA, Dictionary<string, int> countsB)
    {
        var options = new List<(TableSide Table, IReadOnlyList<string> Units, long Cost)>();
        foreach (var (table, plan, counts) in new[] { (TableSide.A, planA, countsA), (TableSide.B, planB, countsB) })
        {
            List<string> Shown(IReadOnlySet<TableRow> side) =>
                side.Where(r => r.Table == table && r.Row != SmallUnitPooling.Other).Select(r => r.Row)
                    .OrderBy(u => counts[u]).ThenBy(u => u, StringComparer.Ordinal).ToList();
            var onSide = Shown(cut.Side);
            var onRest = Shown(cut.Rest);
            var pool = new TableRow(table, SmallUnitPooling.Other);
            if (plan.PoolShown && (cut.Side.Contains(pool) || cut.Rest.Contains(pool)))
            {
                // Joining the pool on the far side of the cut merges the two sides.
                var across = cut.Side.Contains(pool) ? onRest : onSide;
                if (across.Count > 0) options.Add((table, [across[0]], counts[across[0]]));
            }
            else if (onSide.Count > 0 && onRest.Count > 0)
            {
                options.Add((table, [onSide[0], onRest[0]], counts[onSide[0]] + counts[onRest[0]]));
            }
        }
        if (options.Count == 0) throw new InvalidOperationException("no merge removes the revealed cut: the audit's invariant is broken");
        var best = options.OrderBy(o => o.Cost).ThenBy(o => o.Table).First();
        return (best.Table, best.Units);
    }
}
