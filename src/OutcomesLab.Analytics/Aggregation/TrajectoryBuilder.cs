using OutcomesLab.Analytics.Statistics;
using OutcomesLab.Domain;

namespace OutcomesLab.Analytics.Aggregation;

/// <summary>
/// Mean score by session (metrics.md, trajectories.csv): valid administrations grouped by
/// instrument × concern × approach|all × session_number, population all, concern not rolled up.
/// Folds streamed cells into exact per-group sums.
/// </summary>
public sealed class TrajectoryBuilder
{
    private readonly Catalog catalog;
    private readonly Dictionary<(string I, string C, string A, int S), Moments> groups = new();

    public TrajectoryBuilder(Catalog catalog) => this.catalog = catalog;

    public void Add(EpisodeInfo episode, ScoredAdministration administration) => Add(new TrajectoryCell(
        administration.Instrument, episode.PresentingConcern, episode.Approach, administration.SessionNumber, administration.Score, 1));

    public void Add(TrajectoryCell cell)
    {
        if (cell.Count <= 0) throw new ArgumentOutOfRangeException(nameof(cell), "a cell counts at least one administration");
        if (catalog.Find(cell.Instrument) is null) return; // as aggregates: an instrument the catalog does not define is left out
        Group((cell.Instrument, cell.PresentingConcern, cell.Approach, cell.SessionNumber)).Add(cell.Score, cell.Count);
        Group((cell.Instrument, cell.PresentingConcern, Codes.All, cell.SessionNumber)).Add(cell.Score, cell.Count);
    }

    private Moments Group((string, string, string, int) key)
    {
        if (!groups.TryGetValue(key, out var m)) groups[key] = m = new Moments();
        return m;
    }

    /// <summary>One row per group (n ≥ 1), sorted by (instrument, concern, approach, session_number), not yet suppressed.</summary>
    public IReadOnlyList<TrajectoryRow> Rows() =>
        groups.OrderBy(kv => kv.Key, KeyOrder.Trajectory).Select(kv =>
        {
            var m = kv.Value;
            var mean = OutcomeMath.Mean(m)!.Value;
            var sd = OutcomeMath.SampleSd(m);
            var ci = OutcomeMath.MeanConfidenceInterval(mean, sd, m.Count);
            return new TrajectoryRow(kv.Key.I, kv.Key.C, kv.Key.A, kv.Key.S, m.Count, mean, sd, ci?.Low, ci?.High, false);
        }).ToList();
}
