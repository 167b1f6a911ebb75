using OutcomesLab.Quality.Funnel;

namespace OutcomesLab.Quality.Comparison;

/// <summary>
/// One row of a therapist or site table for one outcome instrument. Dropout and alliance are not
/// here: they do not depend on the instrument, and repeating them over per-instrument populations
/// would let a reader subtract one instrument's row from another's (see <see cref="EngagementComparer"/>).
/// </summary>
/// <param name="Unit">therapist or site id, "other" for the pool, or "practice" for the total</param>
/// <param name="UnitsInRow">how many therapists/sites the row holds (1 unless pooled or the total)</param>
/// <param name="Episodes">episodes with at least one valid administration of the instrument</param>
/// <param name="Paired">paired episodes (baseline and a later final)</param>
/// <param name="ReliablyImproved">paired episodes with RC ≥ 1.96</param>
public sealed record UnitRow(string Unit, int UnitsInRow, int Episodes, int Paired, int ReliablyImproved, FunnelPosition Position)
{
    public double PctReliablyImproved => Paired == 0 ? double.NaN : 100.0 * ReliablyImproved / Paired;
}
