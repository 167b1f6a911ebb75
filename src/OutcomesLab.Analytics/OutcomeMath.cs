using OutcomesLab.Analytics.Statistics;
using OutcomesLab.Domain;

namespace OutcomesLab.Analytics;

/// <summary>
/// Every statistical formula of the outcome figures, in one place (docs/contracts/metrics.md). Each
/// function names its formula and its source. The aggregate stage feeds these from exact power
/// sums (<see cref="ExactSum"/>), so a figure does not depend on row order or on the store.
/// </summary>
public static class OutcomeMath
{
    /// <summary>z for a two-sided 95% interval and for the reliable-change criterion.</summary>
    public const double Z95 = 1.96;

    // ---- Per episode: reliable and clinically significant change -------------------------------

    /// <summary>
    /// Reliable change index, Jacobson &amp; Truax (1991), J Consult Clin Psychol 59(1):12–19:
    /// RC = dir × (final − baseline) / S_diff, S_diff = SD_ref × sqrt(2 × (1 − r)) (see
    /// <see cref="Instrument.SDiff"/>). Positive means improvement whatever the instrument's direction.
    /// </summary>
    public static double ReliableChangeIndex(Instrument instrument, double baseline, double final) =>
        instrument.Direction * (final - baseline) / instrument.SDiff;

    /// <summary>Reliably improved: RC ≥ 1.96 (Jacobson &amp; Truax, 1991).</summary>
    public static bool IsReliablyImproved(Instrument instrument, double baseline, double final) =>
        ReliableChangeIndex(instrument, baseline, final) >= Z95;

    /// <summary>Reliably deteriorated: RC ≤ −1.96 (Jacobson &amp; Truax, 1991).</summary>
    public static bool IsReliablyDeteriorated(Instrument instrument, double baseline, double final) =>
        ReliableChangeIndex(instrument, baseline, final) <= -Z95;

    /// <summary>
    /// Recovered (Jacobson &amp; Truax, 1991, criterion "c" as a fixed cut-off): baseline in the clinical
    /// range and final not. Always false for an instrument without a cut-off (no recovery figures then).
    /// </summary>
    public static bool IsRecovered(Instrument instrument, double baseline, double final) =>
        instrument.InClinicalRange(baseline) && !instrument.InClinicalRange(final);

    /// <summary>Reliably recovered: recovered and reliably improved (Jacobson &amp; Truax, 1991).</summary>
    public static bool IsReliablyRecovered(Instrument instrument, double baseline, double final) =>
        IsRecovered(instrument, baseline, final) && IsReliablyImproved(instrument, baseline, final);

    // ---- Group figures ------------------------------------------------------------------------

    /// <summary>Percent of a whole, 100 × part / whole (0–100); null for a whole of 0 (metrics.md).</summary>
    public static double? Percent(long part, long whole) => whole == 0 ? null : 100.0 * part / whole;

    /// <summary>
    /// Hedges' small-sample correction J = 1 − 3 / (4 × df − 1) with df = n − 1, i.e. the
    /// approximation of Hedges (1981), J Educ Stat 6(2):107–128, as printed in Borenstein et al.
    /// (2009), Introduction to Meta-Analysis, eq. 4.22 (there with df = n1 + n2 − 2; metrics.md uses
    /// the paired n − 1). Defined for n ≥ 3.
    /// </summary>
    public static double HedgesJ(long n)
    {
        if (n < 3) throw new ArgumentOutOfRangeException(nameof(n), "Hedges' J needs n ≥ 3");
        return 1.0 - 3.0 / (4.0 * (n - 1) - 1.0);
    }

    /// <summary>
    /// Standardised mean change with the baseline SD as standardiser (Becker, 1988, Br J Math Stat
    /// Psychol 41:257–278): d = dir × (final_mean − baseline_mean) / baseline_sd; g = J × d
    /// (positive = improvement). Null when n &lt; 3 or the baseline SD is missing or zero.
    /// </summary>
    public static double? HedgesG(int direction, double baselineMean, double finalMean, double? baselineSd, long n)
    {
        if (n < 3 || baselineSd is not { } sd || sd == 0) return null;
        var d = direction * (finalMean - baselineMean) / sd;
        return HedgesJ(n) * d;
    }

    /// <summary>
    /// 95% interval of g for a pre–post design: g ± 1.96 × sqrt(2 × (1 − r) / n + g² / (2 × n)), the
    /// large-sample variance of the standardised mean change of Becker (1988), see also Morris (2000),
    /// Br J Math Stat Psychol 53:17–29, and metrics.md. Null when g or r is.
    /// </summary>
    public static (double Low, double High)? GConfidenceInterval(double? g, double? r, long n)
    {
        if (g is not { } gv || r is not { } rv || n < 1) return null;
        var half = Z95 * Math.Sqrt(2.0 * (1.0 - rv) / n + gv * gv / (2.0 * n));
        return (gv - half, gv + half);
    }

    /// <summary>Normal-approximation 95% interval of a mean: mean ± 1.96 × sd / sqrt(n) (metrics.md, trajectories). Null when sd is.</summary>
    public static (double Low, double High)? MeanConfidenceInterval(double mean, double? sd, long n)
    {
        if (sd is not { } s || n < 1) return null;
        var half = Z95 * s / Math.Sqrt(n);
        return (mean - half, mean + half);
    }

    // ---- Descriptives from exact power sums ---------------------------------------------------

    /// <summary>Arithmetic mean Σx / n; null for no values.</summary>
    internal static double? Mean(Moments m) => m.Count == 0 ? null : m.Sum.Value() / m.Count;

    /// <summary>
    /// Sample SD with n − 1 (Bessel), from exact power sums: s² = (n·Σx² − (Σx)²) / (n × (n − 1)).
    /// The numerator equals n·Σ(x − x̄)² exactly (it is formed without rounding, see
    /// <see cref="ExactSum"/>), so identical values give exactly 0 and there is no cancellation
    /// (the textbook one-pass formula's flaw; Chan, Golub &amp; LeVeque, 1983, Am Stat 37(3)).
    /// Null for fewer than 2 values.
    /// </summary>
    internal static double? SampleSd(Moments m)
    {
        if (m.Count < 2) return null;
        var scaled = ScaledCentredSquares(m).Value();
        return Math.Sqrt(Math.Max(0.0, scaled) / ((double)m.Count * (m.Count - 1)));
    }

    /// <summary>
    /// Pearson's r = Σ(x − x̄)(y − ȳ) / sqrt(Σ(x − x̄)² × Σ(y − ȳ)²) (Pearson, 1896), each factor
    /// scaled by n and formed exactly from power sums (n·Σxy − Σx·Σy etc.). Null for fewer than 2
    /// pairs or when either variable is constant (undefined). Clamped to [−1, 1] against rounding.
    /// </summary>
    internal static double? PearsonR(PairedMoments p)
    {
        if (p.Count < 2) return null;
        var sxx = ScaledCentredSquares(p.Baseline).Value();
        var syy = ScaledCentredSquares(p.Final).Value();
        if (sxx <= 0 || syy <= 0) return null;
        var cross = new ExactSum();
        cross.AddScaled(p.CrossProducts, p.Count);
        cross.AddProductOf(p.Baseline.Sum, p.Final.Sum, -1.0);
        var r = cross.Value() / Math.Sqrt(sxx * syy);
        return Math.Clamp(r, -1.0, 1.0);
    }

    /// <summary>n·Σx² − (Σx)² as an exact sum (= n × the centred sum of squares).</summary>
    private static ExactSum ScaledCentredSquares(Moments m)
    {
        var s = new ExactSum();
        s.AddScaled(m.SumOfSquares, m.Count);
        s.AddProductOf(m.Sum, m.Sum, -1.0);
        return s;
    }

    // ---- Plain-array forms for other stages (QI, exports) ------------------------------------

    /// <summary>Mean of values (exact sum, rounded once, divided by n); null when empty.</summary>
    public static double? Mean(IEnumerable<double> values)
    {
        var m = new Moments();
        foreach (var v in values) m.Add(v);
        return Mean(m);
    }

    /// <summary>Sample SD (n − 1) of values, as <see cref="SampleSd(Moments)"/>; null for fewer than 2.</summary>
    public static double? SampleSd(IEnumerable<double> values)
    {
        var m = new Moments();
        foreach (var v in values) m.Add(v);
        return SampleSd(m);
    }

    /// <summary>Pearson's r of pairs, as <see cref="PearsonR(PairedMoments)"/>.</summary>
    public static double? PearsonR(IEnumerable<(double X, double Y)> pairs)
    {
        var p = new PairedMoments();
        foreach (var (x, y) in pairs) p.Add(x, y);
        return PearsonR(p);
    }
}
