namespace OutcomesLab.Domain;

// Read models that the statistics stages (aggregates, QI, exports) take from the store. They hold
// only what the store holds: pseudonyms, bands, months, day offsets, scores.

/// <summary>The episode attributes every analysis groups or adjusts by.</summary>
public sealed record EpisodeInfo(
    string EpisodeRef, string? CoupleRef, string SiteId, string TherapistId,
    string PresentingConcern, string Approach, string Format,
    string AgeBand, string GenderIdentity, string SexualOrientation,
    string IntakeMonth, int? EndDayOffset, string EndReason);

/// <summary>One valid (scored) administration.</summary>
public sealed record ScoredAdministration(
    string EpisodeRef, string AdministrationRef, string Instrument, int SessionNumber, int DaysSinceIntake, double Score);

/// <summary>
/// One episode × instrument with at least one valid administration: its baseline and, when paired,
/// its final administration (docs/contracts/metrics.md, "Per episode and instrument").
/// </summary>
public sealed record EpisodeOutcome(
    EpisodeInfo Episode, string Instrument, int ValidAdministrations,
    ScoredAdministration Baseline, ScoredAdministration? Final)
{
    public bool Paired => Final is not null;
    /// <summary>Raw <c>final − baseline</c> (not direction-adjusted); null when unpaired.</summary>
    public double? Change => Final is null ? null : Final.Score - Baseline.Score;
}
