namespace OutcomesLab.Quality.Tracking;

/// <summary>
/// One row of alerts.csv: an active episode a supervisor should look at now. Holds the stored
/// pseudonym and staff/site codes only — nothing that identifies a client.
/// <see cref="ExpectedScore"/> and <see cref="LowerBound"/> depend on the reason: for
/// <c>not_on_track</c> the model's expected score and the bound (for a lower-is-better instrument
/// the bound lies above the expected score: worse means higher); for <c>alliance_low</c> no
/// expected score and the catalog threshold; for <c>alliance_drop</c> the previous score and
/// previous − drop.
/// </summary>
public sealed record Alert(
    string EpisodeRef, string TherapistId, string SiteId, string Instrument, int SessionNumber,
    string Reason, double LatestScore, double? ExpectedScore, double? LowerBound);
