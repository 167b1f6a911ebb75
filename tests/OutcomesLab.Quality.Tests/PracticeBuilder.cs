using System.Globalization;
using OutcomesLab.Domain;
using OutcomesLab.Quality;

namespace OutcomesLab.Quality.Tests;

/// <summary>
/// Builds a practice in memory — episodes and valid administrations — and derives the episode
/// outcomes with the baseline/final rule of docs/contracts/metrics.md, so the QI tests need neither
/// the store nor the OutcomeReader.
/// </summary>
internal sealed class PracticeBuilder
{
    private readonly List<EpisodeInfo> episodes = [];
    private readonly List<ScoredAdministration> administrations = [];
    private int next;

    public EpisodeInfo Episode(
        string therapist, string site = "S1", string concern = "low_desire", string approach = "cbt",
        string endReason = "completed", string intakeMonth = "2025-08", string ageBand = "35-44", string gender = "woman",
        string format = "individual", string? episodeRef = null)
    {
        var e = new EpisodeInfo(episodeRef ?? $"EP{next++:D6}", null, site, therapist, concern, approach, format, ageBand, gender,
            "heterosexual", intakeMonth, endReason == "ongoing" ? null : 90, endReason);
        episodes.Add(e);
        return e;
    }

    public PracticeBuilder Score(EpisodeInfo e, string instrument, int session, double score)
    {
        administrations.Add(new ScoredAdministration(e.EpisodeRef,
            string.Create(CultureInfo.InvariantCulture, $"A{administrations.Count:D8}"), instrument, session, session * 7, score));
        return this;
    }

    public PracticeBuilder Series(EpisodeInfo e, string instrument, params (int Session, double Score)[] points)
    {
        foreach (var (s, v) in points) Score(e, instrument, s, v);
        return this;
    }

    public QiInput Build(Catalog? catalog = null)
    {
        var byEpisode = episodes.ToDictionary(e => e.EpisodeRef, StringComparer.Ordinal);
        var outcomes = administrations
            .GroupBy(a => (a.EpisodeRef, a.Instrument))
            .Select(g =>
            {
                var ordered = g.OrderBy(a => a.SessionNumber).ThenBy(a => a.DaysSinceIntake).ThenBy(a => a.AdministrationRef, StringComparer.Ordinal).ToList();
                return new EpisodeOutcome(byEpisode[g.Key.EpisodeRef], g.Key.Instrument, ordered.Count, ordered[0], ordered.Count > 1 ? ordered[^1] : null);
            })
            .OrderBy(o => o.Episode.EpisodeRef, StringComparer.Ordinal).ThenBy(o => o.Instrument, StringComparer.Ordinal)
            .ToList();
        return new QiInput(catalog ?? Catalog.Default, episodes.ToList(), outcomes, administrations.ToList());
    }
}
