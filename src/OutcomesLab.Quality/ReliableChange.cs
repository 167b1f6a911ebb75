using OutcomesLab.Domain;

namespace OutcomesLab.Quality;

/// <summary>
/// Jacobson &amp; Truax (1991) reliable change as metrics.md defines it:
/// RC = dir × (final − baseline) / S_diff, S_diff = SD_ref × sqrt(2 × (1 − r)); reliably improved when RC ≥ 1.96.
/// </summary>
public static class ReliableChange
{
    public const double Criterion = 1.96;

    public static double Index(Instrument instrument, double baseline, double final) =>
        instrument.Direction * (final - baseline) / instrument.SDiff;

    public static bool IsReliablyImproved(Instrument instrument, double baseline, double final) =>
        Index(instrument, baseline, final) >= Criterion;
}
