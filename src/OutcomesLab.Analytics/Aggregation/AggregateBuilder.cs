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
    public IReadOnlyList<AggregateRow> AggregateRows() =>
        RollUp((g, f) => (g.I, g.C, g.A, PopulationAll), (g, f) => f.Completed ? (g.I, g.C, g.A, PopulationCompleted) : null)
            .OrderBy(kv => kv.Key, KeyOrder.Strings4)
            .Select(kv => kv.Value.ToAggregateRow(catalog.Instruments[kv.Key.Item1], kv.Key.Item2, kv.Key.Item3, kv.Key.Item4))
            .ToList();

    /// <summary>One row per group and intake quarter, population all, sorted by (instrument, concern, approach, quarter).</summary>
    public IReadOnlyList<TrendRow> TrendRows() =>
        RollUp((g, f) => (g.I, g.C, g.A, f.Q), (_, _) => null)
            .OrderBy(kv => kv.Key, KeyOrder.Strings4)
            .Select(kv => kv.Value.ToTrendRow(catalog.Instruments[kv.Key.Item1], kv.Key.Item2, kv.Key.Item3, kv.Key.Item4))
            .ToList();

    /// <summary>
    /// Adds every finest group into the published groups it belongs to: concern and approach each as
    /// themselves and as "all", under the key(s) <paramref name="first"/> and <paramref name="second"/>
    /// give (second null: none). Exact sums, so the result does not depend on the order.
    /// </summary>
    private Dictionary<(string, string, string, string), GroupAccumulator> RollUp(
        Func<(string I, string C, string A), (string I, string C, string A, bool Completed, string Q), (string, string, string, string)> first,
        Func<(string I, string C, string A), (string I, string C, string A, bool Completed, string Q), (string, string, string, string)?> second)
    {
        var groups = new Dictionary<(string, string, string, string), GroupAccumulator>();
        foreach (var (f, accumulator) in finest)
        {
            foreach (var concern in new[] { f.C, Codes.All })
            {
                foreach (var approach in new[] { f.A, Codes.All })
                {
                    var g = (f.I, concern, approach);
                    Group(groups, first(g, f)).Add(accumulator);
                    if (second(g, f) is { } other) Group(groups, other).Add(accumulator);
                }
            }
        }
        return groups;
    }

    private static GroupAccumulator Group<TKey>(Dictionary<TKey, GroupAccumulator> groups, TKey key) where TKey : notnull
    {
        if (!groups.TryGetValue(key, out var g)) groups[key] = g = new GroupAccumulator();
        return g;
    }
}
