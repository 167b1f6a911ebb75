using OutcomesLab.Domain;

namespace OutcomesLab.Analytics.Aggregation;

/// <summary>
/// Accumulates outcome cells into every group of aggregates.csv (instrument × concern|all ×
/// approach|all × population all|completed) and of trends.csv (the same with population all, by
/// intake quarter). Memory grows with the number of groups, not of episodes: cells are streamed in
/// and folded into exact per-group sums. Rows come out sorted by their keys and not yet suppressed.
/// </summary>
public sealed class AggregateBuilder
{
    public const string PopulationAll = "all";
    public const string PopulationCompleted = "completed";

    private readonly Catalog catalog;
    private readonly Dictionary<(string I, string C, string A, string P), GroupAccumulator> aggregates = new();
    private readonly Dictionary<(string I, string C, string A, string Q), GroupAccumulator> trends = new();
    // The 8 + 4 accumulators a cell with these attributes joins, looked up once per attribute combination.
    private readonly Dictionary<(string I, string C, string A, bool Completed, string Month), GroupAccumulator[]> targets = new();
    private readonly SortedSet<string> ignoredInstruments = new(StringComparer.Ordinal);

    public AggregateBuilder(Catalog catalog) => this.catalog = catalog;

    /// <summary>Instruments seen in the data that the catalog does not define (no direction or norms: left out).</summary>
    public IReadOnlyCollection<string> IgnoredInstruments => ignoredInstruments;

    /// <summary>Episodes (× instrument) folded in so far.</summary>
    public long EpisodeOutcomes { get; private set; }

    public void Add(EpisodeOutcome outcome) => Add(new OutcomeCell(
        outcome.Instrument, outcome.Episode.PresentingConcern, outcome.Episode.Approach,
        outcome.Episode.EndReason == "completed", outcome.Episode.IntakeMonth,
        outcome.Baseline.Score, outcome.Final?.Score, 1));

    public void Add(OutcomeCell cell)
    {
        if (cell.Count <= 0) throw new ArgumentOutOfRangeException(nameof(cell), "a cell counts at least one episode");
        if (catalog.Find(cell.Instrument) is not { } instrument)
        {
            ignoredInstruments.Add(cell.Instrument);
            return;
        }
        var classified = ClassifiedCell.Of(instrument, cell.Baseline, cell.Final, cell.Count);
        foreach (var group in Targets(cell)) group.Add(classified);
        EpisodeOutcomes += cell.Count;
    }

    private GroupAccumulator[] Targets(OutcomeCell cell)
    {
        var key = (cell.Instrument, cell.PresentingConcern, cell.Approach, cell.Completed, cell.IntakeMonth);
        if (targets.TryGetValue(key, out var found)) return found;
        var list = new List<GroupAccumulator>(12);
        var quarter = IntakeQuarter.FromMonth(cell.IntakeMonth);
        foreach (var concern in new[] { cell.PresentingConcern, Codes.All })
        {
            foreach (var approach in new[] { cell.Approach, Codes.All })
            {
                list.Add(Group(aggregates, (cell.Instrument, concern, approach, PopulationAll)));
                if (cell.Completed) list.Add(Group(aggregates, (cell.Instrument, concern, approach, PopulationCompleted)));
                list.Add(Group(trends, (cell.Instrument, concern, approach, quarter)));
            }
        }
        return targets[key] = list.ToArray();
    }

    private static GroupAccumulator Group<TKey>(Dictionary<TKey, GroupAccumulator> groups, TKey key) where TKey : notnull
    {
        if (!groups.TryGetValue(key, out var g)) groups[key] = g = new GroupAccumulator();
        return g;
    }

    /// <summary>One row per group with at least one episode, sorted by (instrument, concern, approach, population), ordinal.</summary>
    public IReadOnlyList<AggregateRow> AggregateRows() =>
        aggregates.OrderBy(kv => kv.Key, KeyOrder.Strings4)
            .Select(kv => kv.Value.ToAggregateRow(catalog.Instruments[kv.Key.I], kv.Key.C, kv.Key.A, kv.Key.P))
            .ToList();

    /// <summary>One row per group and intake quarter, population all, sorted by (instrument, concern, approach, quarter).</summary>
    public IReadOnlyList<TrendRow> TrendRows() =>
        trends.OrderBy(kv => kv.Key, KeyOrder.Strings4)
            .Select(kv => kv.Value.ToTrendRow(catalog.Instruments[kv.Key.I], kv.Key.C, kv.Key.A, kv.Key.Q))
            .ToList();
}
