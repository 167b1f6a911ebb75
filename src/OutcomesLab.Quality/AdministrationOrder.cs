using OutcomesLab.Domain;

namespace OutcomesLab.Quality;

/// <summary>
/// Valid administrations of each episode × instrument in the order of docs/contracts/metrics.md:
/// session number, then days since intake, then the administration pseudonym — so "latest" and
/// "previous" here agree with how the aggregates choose a final.
/// </summary>
public sealed class AdministrationOrder
{
    private readonly Dictionary<(string Episode, string Instrument), List<ScoredAdministration>> series;

    public AdministrationOrder(IEnumerable<ScoredAdministration> administrations)
    {
        series = administrations
            .GroupBy(a => (a.EpisodeRef, a.Instrument))
            .ToDictionary(g => g.Key, g => g
                .OrderBy(a => a.SessionNumber).ThenBy(a => a.DaysSinceIntake)
                .ThenBy(a => a.AdministrationRef, StringComparer.Ordinal).ToList());
    }

    /// <summary>The episode's administrations of an instrument, earliest first (empty when none).</summary>
    public IReadOnlyList<ScoredAdministration> Of(string episodeRef, string instrument) =>
        series.TryGetValue((episodeRef, instrument), out var list) ? list : [];

    /// <summary>Each episode's latest valid score of an instrument.</summary>
    public IReadOnlyDictionary<string, double> LatestScores(string instrument) =>
        series.Where(kv => kv.Key.Instrument == instrument)
            .ToDictionary(kv => kv.Key.Episode, kv => kv.Value[^1].Score, StringComparer.Ordinal);
}
