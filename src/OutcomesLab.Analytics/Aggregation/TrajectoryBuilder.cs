using OutcomesLab.Analytics.Statistics;
using OutcomesLab.Domain;

namespace OutcomesLab.Analytics.Aggregation;

/// <summary>
/// Mean score by session (docs/contracts/metrics.md, "trajectories.csv"): valid administrations grouped by
/// instrument × concern × approach|all × session_number, population all, concern not rolled up.
/// Folds streamed cells into exact per-group sums: each into its own approach only; the approach
/// "all" rows are exact roll-ups added when the rows are asked for.
/// </summary>
public sealed class TrajectoryBuilder
{
    private readonly Catalog catalog;
    private readonly Dictionary<(string I, string C, string A), SessionSeries> series = new();

    public TrajectoryBuilder(Catalog catalog) => this.catalog = catalog;

    public void Add(EpisodeInfo episode, ScoredAdministration administration) => Add(new TrajectoryCell(
        administration.Instrument, episode.PresentingConcern, episode.Approach, administration.SessionNumber, administration.Score, 1));

    public void Add(TrajectoryCell cell)
    {
        if (cell.Count <= 0) throw new ArgumentOutOfRangeException(nameof(cell), "a cell counts at least one administration");
        Series(cell.Instrument, cell.PresentingConcern, cell.Approach)?.Add(cell.SessionNumber, cell.Score, cell.Count);
    }

    /// <summary>
    /// The sessions of one instrument × concern × approach, to add many administrations to without a
    /// lookup each; null for an instrument the catalog does not define (as aggregates: left out).
    /// </summary>
    internal SessionSeries? Series(string instrument, string concern, string approach)
    {
        if (catalog.Find(instrument) is null) return null;
        var key = (instrument, concern, approach);
        if (!series.TryGetValue(key, out var s)) series[key] = s = new SessionSeries();
        return s;
    }

    /// <summary>One row per group (n ≥ 1), sorted by (instrument, concern, approach, session_number), not yet suppressed.</summary>
    public IReadOnlyList<TrajectoryRow> Rows()
    {
        var groups = new Dictionary<(string I, string C, string A, int S), Moments>();
        foreach (var (key, sessions) in series)
        {
            foreach (var (session, moments) in sessions.All())
            {
                Group(groups, (key.I, key.C, key.A, session)).Add(moments);
                Group(groups, (key.I, key.C, Codes.All, session)).Add(moments);
            }
        }
        return groups.OrderBy(kv => kv.Key, KeyOrder.Trajectory).Select(kv =>
        {
            var m = kv.Value;
            var mean = OutcomeMath.Mean(m)!.Value;
            var sd = OutcomeMath.SampleSd(m);
            var ci = OutcomeMath.MeanConfidenceInterval(mean, sd, m.Count);
            return new TrajectoryRow(kv.Key.I, kv.Key.C, kv.Key.A, kv.Key.S, m.Count, mean, sd, ci?.Low, ci?.High, false);
        }).ToList();
    }

    private static Moments Group(Dictionary<(string I, string C, string A, int S), Moments> groups, (string, string, string, int) key)
    {
        if (!groups.TryGetValue(key, out var m)) groups[key] = m = new Moments();
        return m;
    }
}

/// <summary>
/// Exact moments of one instrument × concern × approach by session number. Session numbers are small
/// (0, 4, 8, …), so they index a list; any other number goes to a dictionary.
/// </summary>
internal sealed class SessionSeries
{
    private const int Indexed = 256;
    private readonly List<Moments?> bySession = new();
    private Dictionary<int, Moments>? others;

    public void Add(int session, double score, long count = 1) => At(session).Add(score, count);

    private Moments At(int session)
    {
        if (session is >= 0 and < Indexed)
        {
            while (bySession.Count <= session) bySession.Add(null);
            return bySession[session] ??= new Moments();
        }
        others ??= new Dictionary<int, Moments>();
        if (!others.TryGetValue(session, out var m)) others[session] = m = new Moments();
        return m;
    }

    public IEnumerable<(int Session, Moments Moments)> All()
    {
        for (var s = 0; s < bySession.Count; s++)
            if (bySession[s] is { } m) yield return (s, m);
        if (others is null) yield break;
        foreach (var (s, m) in others) yield return (s, m);
    }
}
