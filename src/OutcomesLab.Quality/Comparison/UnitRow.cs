using OutcomesLab.Quality.Funnel;

namespace OutcomesLab.Quality.Comparison;

/// <summary>
/// One row of a therapist or site table for one outcome instrument. A null figure is suppressed
/// (its denominator is below min_cell, or it would reveal one that is).
/// </summary>
/// <param name="Unit">therapist or site id, "other" for the pool, or "practice" for the total</param>
/// <param name="UnitsInRow">how many therapists/sites the row holds (1 unless pooled or the total)</param>
/// <param name="Episodes">episodes with at least one valid administration of the instrument</param>
/// <param name="Paired">paired episodes (baseline and a later final)</param>
/// <param name="ReliablyImproved">paired episodes with RC ≥ 1.96</param>
/// <param name="Ended">episodes no longer ongoing: the dropout denominator</param>
/// <param name="PctDropout">dropouts as a percent of ended episodes</param>
/// <param name="AllianceEpisodes">episodes with a valid alliance score: the mean-alliance denominator</param>
/// <param name="MeanAlliance">mean over episodes of each episode's latest valid alliance score</param>
public sealed record UnitRow(
    string Unit, int UnitsInRow, int Episodes, int Paired, int ReliablyImproved,
    int Ended, double? PctDropout, int AllianceEpisodes, double? MeanAlliance,
    FunnelPosition Position)
{
    public double PctReliablyImproved => Paired == 0 ? double.NaN : 100.0 * ReliablyImproved / Paired;
}
