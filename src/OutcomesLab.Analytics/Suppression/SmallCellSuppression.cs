using OutcomesLab.Analytics.Aggregation;
using OutcomesLab.Domain;

namespace OutcomesLab.Analytics.Suppression;

/// <summary>
/// Applies the small-cell rules of docs/contracts/metrics.md to each output. A suppressed row keeps
/// its keys and <c>suppressed=true</c>; every other figure becomes empty. The counts that decide
/// are n_paired (aggregates, trends) and n (trajectories).
/// </summary>
public static class SmallCellSuppression
{
    /// <summary>
    /// aggregates.csv. Lines: the approaches of one (instrument, concern, population) with their
    /// <c>all</c> row, then the concerns of one (instrument, approach, population) with their <c>all</c> row.
    /// </summary>
    public static IReadOnlyList<AggregateRow> Aggregates(IReadOnlyList<AggregateRow> rows, int minCell)
    {
        var lines = AggregateLines(rows);
        var suppressed = SuppressionEngine.Run(rows.Select(r => r.NPaired ?? 0).ToList(), minCell, lines);
        return rows.Select((r, i) => suppressed[i] ? Blank(r) : r with { Suppressed = false }).ToList();
    }

    internal static List<int[]> AggregateLines(IReadOnlyList<AggregateRow> rows)
    {
        var lines = SuppressionEngine.LinesBy(rows, r => (r.Instrument, r.PresentingConcern, r.Population, ""), KeyOrder.Strings4);
        lines.AddRange(SuppressionEngine.LinesBy(rows, r => (r.Instrument, r.Approach, r.Population, ""), KeyOrder.Strings4));
        return lines;
    }

    /// <summary>trajectories.csv. Lines: the approaches of one (instrument, concern, session_number) with their <c>all</c> row.</summary>
    public static IReadOnlyList<TrajectoryRow> Trajectories(IReadOnlyList<TrajectoryRow> rows, int minCell)
    {
        var lines = SuppressionEngine.LinesBy(rows, r => (r.Instrument, r.PresentingConcern, "", r.SessionNumber), KeyOrder.Trajectory);
        var suppressed = SuppressionEngine.Run(rows.Select(r => r.N ?? 0).ToList(), minCell, lines);
        return rows.Select((r, i) => suppressed[i]
            ? new TrajectoryRow(r.Instrument, r.PresentingConcern, r.Approach, r.SessionNumber, null, null, null, null, null, true)
            : r with { Suppressed = false }).ToList();
    }

    /// <summary>
    /// trends.csv. Lines: the approaches of one (instrument, concern, quarter) with their <c>all</c>
    /// row, and — because trends also publish the concern roll-up and their quarters add up
    /// to the population-<c>all</c> rows of aggregates.csv — the concerns of one (instrument, approach,
    /// quarter) with their <c>all</c> row, and the quarters of one (instrument, concern, approach) with
    /// that aggregates row as total. The aggregates rows are already published: their suppression
    /// (from <paramref name="suppressedAggregates"/>) counts but is not changed.
    /// </summary>
    public static IReadOnlyList<TrendRow> Trends(IReadOnlyList<TrendRow> rows, int minCell, IReadOnlyList<AggregateRow> unsuppressedAggregates,
        IReadOnlyList<AggregateRow> suppressedAggregates)
    {
        var counts = rows.Select(r => r.NPaired ?? 0).ToList();
        var locked = Enumerable.Repeat(false, rows.Count).ToList();
        var lockedState = Enumerable.Repeat(false, rows.Count).ToList();
        var totals = new Dictionary<(string, string, string), int>();
        for (var i = 0; i < unsuppressedAggregates.Count; i++)
        {
            var a = unsuppressedAggregates[i];
            if (a.Population != AggregateBuilder.PopulationAll) continue;
            var s = suppressedAggregates[i];
            if (s.Instrument != a.Instrument || s.PresentingConcern != a.PresentingConcern || s.Approach != a.Approach || s.Population != a.Population)
                throw new ArgumentException("aggregate rows before and after suppression are not in the same order", nameof(suppressedAggregates));
            totals[(a.Instrument, a.PresentingConcern, a.Approach)] = counts.Count;
            counts.Add(a.NPaired ?? 0);
            locked.Add(true);
            lockedState.Add(s.Suppressed);
        }

        var lines = SuppressionEngine.LinesBy(rows, r => (r.Instrument, r.PresentingConcern, r.IntakeQuarter, ""), KeyOrder.Strings4);
        lines.AddRange(SuppressionEngine.LinesBy(rows, r => (r.Instrument, r.Approach, r.IntakeQuarter, ""), KeyOrder.Strings4));
        // One quarter alone is a line too: against its aggregates total it would be recoverable.
        foreach (var quarters in SuppressionEngine.LinesBy(rows, r => (r.Instrument, r.PresentingConcern, r.Approach, ""), KeyOrder.Strings4, minRows: 1))
        {
            var r = rows[quarters[0]];
            if (!totals.TryGetValue((r.Instrument, r.PresentingConcern, r.Approach), out var total))
                throw new ArgumentException($"no aggregates row for trend group {r.Instrument}/{r.PresentingConcern}/{r.Approach}", nameof(unsuppressedAggregates));
            lines.Add([.. quarters, total]);
        }

        var suppressed = SuppressionEngine.Run(counts, minCell, lines, locked, lockedState);
        return rows.Select((r, i) => suppressed[i]
            ? new TrendRow(r.Instrument, r.PresentingConcern, r.Approach, r.IntakeQuarter, null, null, null, null, null, true)
            : r with { Suppressed = false }).ToList();
    }

    private static AggregateRow Blank(AggregateRow r) => new(r.Instrument, r.PresentingConcern, r.Approach, r.Population,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, true);
}
