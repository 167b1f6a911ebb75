using OutcomesLab.Domain;

namespace OutcomesLab.Analytics.Aggregation;

/// <summary>
/// Accumulates outcome cells into every group of aggregates.csv (instrument × concern|all ×
/// approach|all × population all|completed) and of trends.csv (the same with population all, by
/// intake quarter). Memory grows with the number of groups, not of episodes. Each cell is folded
/// once, into its finest group (instrument × concern × approach × completed × intake quarter); the
/// published groups are roll-ups of those, added exactly when the rows are asked for — the same
/// sums as folding every cell into all its 8 + 4 groups, at a twelfth of the work per cell.
/// Rows come out sorted by their keys and not yet suppressed.
/// </summary>
public sealed class AggregateBuilder
{
    public const string PopulationAll = "all";
    public const string PopulationCompleted = "completed";

    private readonly Catalog catalog;
    private readonly Dictionary<(string I, string C, string A, bool Completed, string Q), GroupAccumulator> finest = new();
    private readonly Dictionary<string, string> quarterOfMonth = new(StringComparer.Ordinal);
    private readonly SortedSet<string> ignoredInstruments = new(StringComparer.Ordinal);

    public AggregateBuilder(Catalog catalog) => this.catalog = catalog;

    /// <summary>Instruments seen in the data that the catalog does not define (no direction or norms: left out).</summary>
    public IReadOnlyCollection<string> IgnoredInstruments => ignoredInstruments;

    /// <summary>Episodes (× instrument) folded in so far.</summary>
    public long EpisodeOutcomes { get; private set; }

    public void Add(EpisodeOutcome outcome) => Add(
        outcome.Instrument, outcome.Episode.PresentingConcern, outcome.Episode.Approach,
        outcome.Episode.EndReason == "completed", outcome.Episode.IntakeMonth,
        outcome.Baseline.Score, outcome.Final?.Score, 1);

    public void Add(OutcomeCell cell) => Add(
        cell.Instrument, cell.PresentingConcern, cell.Approach, cell.Completed, cell.IntakeMonth, cell.Baseline, cell.Final, cell.Count);

    /// <summary><paramref name="count"/> episodes of one instrument with these attributes and scores (final null: unpaired).</summary>
    internal void Add(string instrumentCode, string concern, string approach, bool completed, string intakeMonth,
        double baseline, double? final, long count)
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count), "a cell counts at least one episode");
        if (concern == Codes.All || approach == Codes.All)
            throw new ArgumentException($"'{Codes.All}' names the roll-up rows; it cannot be an episode's concern or approach");
        if (catalog.Find(instrumentCode) is not { } instrument)
        {
            ignoredInstruments.Add(instrumentCode);
            return;
        }
        var key = (instrumentCode, concern, approach, completed, Quarter(intakeMonth));
        if (!finest.TryGetValue(key, out var group)) finest[key] = group = new GroupAccumulator();
        group.Add(ClassifiedCell.Of(instrument, baseline, final, count));
        EpisodeOutcomes += count;
    }

    private string Quarter(string intakeMonth)
    {
        if (!quarterOfMonth.TryGetValue(intakeMonth, out var quarter)) quarterOfMonth[intakeMonth] = quarter = IntakeQuarter.FromMonth(intakeMonth);
        return quarter;
    }

    /// <summary>One row per group with at least one episode, sorted by (instrument, concern, approach, population), ordinal.</summary>
    public IReadOnlyList<AggregateRow> AggregateRows()
    {
        var byCompletion = RollUp(finest, f => (f.I, f.C, f.A, f.Completed));
        var groups = RollUp(byCompletion, k => (k.I, k.C, k.A, PopulationAll));
        RollUp(byCompletion.Where(kv => kv.Key.Completed), k => (k.I, k.C, k.A, PopulationCompleted), groups);
        return WithConcernAndApproachAll(groups)
            .OrderBy(kv => kv.Key, KeyOrder.Strings4)
            .Select(kv => kv.Value.ToAggregateRow(catalog.Instruments[kv.Key.Item1], kv.Key.Item2, kv.Key.Item3, kv.Key.Item4))
            .ToList();
    }

    /// <summary>One row per group and intake quarter, population all, sorted by (instrument, concern, approach, quarter).</summary>
    public IReadOnlyList<TrendRow> TrendRows() =>
        WithConcernAndApproachAll(RollUp(finest, f => (f.I, f.C, f.A, f.Q)))
            .OrderBy(kv => kv.Key, KeyOrder.Strings4)
            .Select(kv => kv.Value.ToTrendRow(catalog.Instruments[kv.Key.Item1], kv.Key.Item2, kv.Key.Item3, kv.Key.Item4))
            .ToList();

    /// <summary>
    /// Groups keyed (instrument, concern, approach, population or quarter) with their roll-ups to
    /// concern "all", approach "all" and both. Rolled up in steps (both from the concern roll-up), so
    /// each group is added three times at most instead of once into every published group it is in.
    /// </summary>
    private static IEnumerable<KeyValuePair<(string, string, string, string), GroupAccumulator>> WithConcernAndApproachAll(
        Dictionary<(string I, string C, string A, string X), GroupAccumulator> groups)
    {
        var concernAll = RollUp(groups, k => (k.I, Codes.All, k.A, k.X));
        var approachAll = RollUp(groups, k => (k.I, k.C, Codes.All, k.X));
        var bothAll = RollUp(concernAll, k => (k.Item1, Codes.All, Codes.All, k.Item4));
        return groups.Concat(concernAll).Concat(approachAll).Concat(bothAll);
    }

    /// <summary>
    /// Adds each source group into the coarser group <paramref name="key"/> gives, in new accumulators
    /// (the source stays as it was). Exact sums: the result does not depend on the order.
    /// </summary>
    private static Dictionary<TOut, GroupAccumulator> RollUp<TIn, TOut>(IEnumerable<KeyValuePair<TIn, GroupAccumulator>> source,
        Func<TIn, TOut> key, Dictionary<TOut, GroupAccumulator>? into = null) where TOut : notnull
    {
        into ??= new Dictionary<TOut, GroupAccumulator>();
        foreach (var (k, accumulator) in source) Group(into, key(k)).Add(accumulator);
        return into;
    }

    private static GroupAccumulator Group<TKey>(Dictionary<TKey, GroupAccumulator> groups, TKey key) where TKey : notnull
    {
        if (!groups.TryGetValue(key, out var g)) groups[key] = g = new GroupAccumulator();
        return g;
    }
}
