namespace OutcomesLab.Quality.Tracking;

/// <summary>Alerts of one therapist (or the "other" pool, or the practice): episodes monitored, episodes with any alert, alerts by reason.</summary>
public sealed record AlertSummaryRow(string Group, int UnitsInRow, int ActiveEpisodes, int EpisodesWithAlert, int NotOnTrack, int AllianceLow, int AllianceDrop);
