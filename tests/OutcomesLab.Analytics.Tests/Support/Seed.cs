using OutcomesLab.Domain;

namespace OutcomesLab.Analytics.Tests.Support;

/// <summary>One administration as the store keeps it: score null when invalid.</summary>
public sealed record SeedAdministration(
    string AdministrationRef, string EpisodeRef, string Instrument, int SessionNumber, int AdministeredDay,
    int Answered, double? Score);

/// <summary>One episode as the store keeps it (intake as a day number; the shift is zero in tests).</summary>
public sealed record SeedEpisode(EpisodeInfo Info, int IntakeDay);

/// <summary>A small, explicit dataset: episodes and their administrations, valid or not.</summary>
public sealed class SeedData
{
    public List<SeedEpisode> Episodes { get; } = [];
    public List<SeedAdministration> Administrations { get; } = [];

    public static EpisodeInfo Info(string episodeRef, string concern, string approach, string endReason = "completed", string intakeMonth = "2025-01") =>
        new(episodeRef, null, "S01", "T001", concern, approach, "individual", "35-44", "woman", "heterosexual",
            intakeMonth, endReason == "ongoing" ? null : 90, endReason);

    public SeedData Episode(string episodeRef, string concern, string approach, string endReason = "completed", string intakeMonth = "2025-01", int intakeDay = 1000)
    {
        Episodes.Add(new SeedEpisode(Info(episodeRef, concern, approach, endReason, intakeMonth), intakeDay));
        return this;
    }

    /// <summary>A valid administration with the given score, <paramref name="day"/> days after the episode's intake.</summary>
    public SeedData Valid(string episodeRef, string instrument, int session, int day, double score, string? administrationRef = null)
    {
        var intake = Episodes.Single(e => e.Info.EpisodeRef == episodeRef).IntakeDay;
        Administrations.Add(new SeedAdministration(administrationRef ?? $"{episodeRef}-{instrument}-{session}-{day}", episodeRef, instrument, session, intake + day, 12, score));
        return this;
    }

    /// <summary>An invalid administration (too few items answered): stored, no score.</summary>
    public SeedData Invalid(string episodeRef, string instrument, int session, int day, string? administrationRef = null)
    {
        var intake = Episodes.Single(e => e.Info.EpisodeRef == episodeRef).IntakeDay;
        Administrations.Add(new SeedAdministration(administrationRef ?? $"{episodeRef}-{instrument}-{session}-{day}-x", episodeRef, instrument, session, intake + day, 3, null));
        return this;
    }

    /// <summary>
    /// The in-memory twin of the SQL selection, written from docs/contracts/metrics.md
    /// independently of it: baseline = lowest session, final = highest session, ties by fewest days
    /// since intake then pseudonym (ordinal); final only when it is another administration.
    /// </summary>
    public IEnumerable<EpisodeOutcome> Outcomes()
    {
        foreach (var e in Episodes)
        {
            foreach (var byInstrument in Administrations.Where(a => a.EpisodeRef == e.Info.EpisodeRef && a.Score is not null).GroupBy(a => a.Instrument))
            {
                var list = byInstrument.ToList();
                var baseline = list.OrderBy(a => a.SessionNumber).ThenBy(a => a.AdministeredDay).ThenBy(a => a.AdministrationRef, StringComparer.Ordinal).First();
                var final = list.OrderByDescending(a => a.SessionNumber).ThenBy(a => a.AdministeredDay).ThenBy(a => a.AdministrationRef, StringComparer.Ordinal).First();
                yield return new EpisodeOutcome(e.Info, byInstrument.Key, list.Count, Scored(baseline, e), ReferenceEquals(final, baseline) ? null : Scored(final, e));
            }
        }
    }

    public IEnumerable<(EpisodeInfo, ScoredAdministration)> ScoredAdministrations() =>
        from a in Administrations
        where a.Score is not null
        let e = Episodes.Single(x => x.Info.EpisodeRef == a.EpisodeRef)
        select (e.Info, Scored(a, e));

    private static ScoredAdministration Scored(SeedAdministration a, SeedEpisode e) =>
        new(a.EpisodeRef, a.AdministrationRef, a.Instrument, a.SessionNumber, a.AdministeredDay - e.IntakeDay, a.Score!.Value);

    public AggregateFigures Compute(int minCell, Catalog? catalog = null) =>
        AggregateFigures.Compute(catalog ?? Catalog.Default, Outcomes(), ScoredAdministrations(), minCell);
}
