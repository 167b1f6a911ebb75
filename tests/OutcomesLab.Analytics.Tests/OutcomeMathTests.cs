using OutcomesLab.Domain;
using Xunit;

namespace OutcomesLab.Analytics.Tests;

/// <summary>Known values of the formulas, each with where the expected number comes from.</summary>
public sealed class OutcomeMathTests
{
    private static readonly Instrument Sat = Catalog.Default.Instruments["SAT"];
    private static readonly Instrument Dist = Catalog.Default.Instruments["DIST"];

    // Jacobson & Truax (1991), p. 14: S_diff = sqrt(2 × SE²), SE = s1 × sqrt(1 − rxx); i.e.
    // SD × sqrt(2) × sqrt(1 − r) (also Evans, Margison & Barkham 1998, psyctc.org "rcsc1").
    // SAT (docs/contracts/catalog.md): SD 9.0, r 0.84 → 9 × sqrt(0.32) = 9 × 0.565685424949238… = 5.0911688245431…
    // DIST: SD 10.0, r 0.86 → 10 × sqrt(0.28) = 10 × 0.529150262212918… = 5.2915026221291…
    [Fact]
    public void Standard_error_of_difference_follows_Jacobson_and_Truax()
    {
        Assert.Equal(5.0911688245431, Sat.SDiff, 12);
        Assert.Equal(5.2915026221291, Dist.SDiff, 12);
    }

    // SAT: a 12-point gain → RC = 12 / 5.0911688245431 = 2.3570226039552 (hand: 12 / (9 × sqrt(0.32))).
    // The criterion 1.96 × 5.0911688 = 9.9787 points: +10 is reliable (RC 1.9642), +9.9 is not (RC 1.9445).
    [Fact]
    public void Reliable_change_index_of_a_higher_is_better_instrument()
    {
        Assert.Equal(2.3570226039552, OutcomeMath.ReliableChangeIndex(Sat, 30, 42), 12);
        Assert.True(OutcomeMath.IsReliablyImproved(Sat, 30, 40));
        Assert.False(OutcomeMath.IsReliablyImproved(Sat, 30, 39.9));
        Assert.True(OutcomeMath.IsReliablyDeteriorated(Sat, 40, 30));
        Assert.False(OutcomeMath.IsReliablyDeteriorated(Sat, 40, 30.1));
    }

    // DIST is lower-is-better (dir = −1): 30 → 19 is an 11-point drop, RC = −1 × (19 − 30) / 5.2915026 = +2.0788 (improved);
    // 19 → 30 is RC −2.0788 (deteriorated). Recovery: clinical range is strictly above 10.5.
    [Fact]
    public void Lower_is_better_direction_turns_a_fall_into_improvement()
    {
        Assert.Equal(2.0788046015, OutcomeMath.ReliableChangeIndex(Dist, 30, 19), 9);
        Assert.True(OutcomeMath.IsReliablyImproved(Dist, 30, 19));
        Assert.True(OutcomeMath.IsReliablyDeteriorated(Dist, 19, 30));
        Assert.False(OutcomeMath.IsRecovered(Dist, 30, 19));          // 19 is still above the cut-off
        Assert.True(OutcomeMath.IsRecovered(Dist, 20, 10.5));         // 10.5 is not strictly worse than 10.5
        Assert.True(OutcomeMath.IsReliablyRecovered(Dist, 22, 8));    // RC = 14 / 5.29 = 2.65, and recovered
        Assert.False(OutcomeMath.IsRecovered(Dist, 10.5, 2));         // baseline on the cut-off is not clinical
    }

    // An instrument whose S_diff is exactly 1 (SD 1, r 0.5: 1 × sqrt(2 × 0.5) = 1): RC equals the raw
    // change, so the ≥ 1.96 / ≤ −1.96 boundaries are hit exactly.
    [Fact]
    public void Criterion_is_inclusive_at_plus_and_minus_1_96()
    {
        var unit = new Instrument("U", "unit", ["U1"], 0, 10, new HashSet<string>(), ScoreMethod.Mean, true, 0.5, 1.0, null, null);
        Assert.Equal(1.0, unit.SDiff);
        Assert.True(OutcomeMath.IsReliablyImproved(unit, 0, 1.96));
        Assert.True(OutcomeMath.IsReliablyDeteriorated(unit, 1.96, 0));
        Assert.False(OutcomeMath.IsReliablyImproved(unit, 0, 1.95));
    }

    [Fact]
    public void An_instrument_without_a_cutoff_never_recovers()
    {
        var trust = Catalog.Default.Instruments["TRUST"];
        Assert.Null(trust.ClinicalCutoff);
        Assert.False(OutcomeMath.IsRecovered(trust, 1.0, 5.0));
        Assert.False(OutcomeMath.IsReliablyRecovered(trust, 1.0, 5.0));
    }

    // Hedges' J = 1 − 3 / (4 df − 1). Borenstein, Hedges, Higgins & Rothstein (2009), Introduction to
    // Meta-Analysis, ch. 4 worked example: df = 98 → J = 1 − 3/391 = 0.9923, and d = 0.5970 → g = 0.5924.
    // docs/contracts/metrics.md uses df = n_paired − 1, so n = 99 gives df = 98. Exact small cases by hand:
    // n = 3 → 1 − 3/7 = 4/7; n = 11 → 1 − 3/39 = 12/13.
    [Fact]
    public void Hedges_J_matches_the_published_worked_example()
    {
        Assert.Equal(0.9923, OutcomeMath.HedgesJ(99), 4);
        Assert.Equal(0.5924, OutcomeMath.HedgesJ(99) * 0.5970, 4);
        Assert.Equal(4.0 / 7.0, OutcomeMath.HedgesJ(3), 15);
        Assert.Equal(12.0 / 13.0, OutcomeMath.HedgesJ(11), 15);
        Assert.Throws<ArgumentOutOfRangeException>(() => OutcomeMath.HedgesJ(2));
    }

    // g = J × dir × (final_mean − baseline_mean) / baseline_sd. Hand: means 34 → 130/3, SD 6, n 3:
    // d = (28/3) / 6 = 14/9, J = 4/7, g = 8/9. Lower-is-better flips the sign. n < 3 or SD 0: no g.
    [Fact]
    public void Hedges_g_of_a_small_group()
    {
        Assert.Equal(8.0 / 9.0, OutcomeMath.HedgesG(+1, 34, 130.0 / 3, 6, 3)!.Value, 14);
        Assert.Equal(-8.0 / 9.0, OutcomeMath.HedgesG(-1, 34, 130.0 / 3, 6, 3)!.Value, 14);
        Assert.Null(OutcomeMath.HedgesG(+1, 34, 40, 6, 2));
        Assert.Null(OutcomeMath.HedgesG(+1, 34, 40, 0, 5));
        Assert.Null(OutcomeMath.HedgesG(+1, 34, 40, null, 5));
    }

    // Interval g ± 1.96 sqrt(2(1 − r)/n + g²/(2n)) (Becker 1988; metrics.md).
    // (1) By hand: g 0.5, r 0.6, n 25 → 2(0.4)/25 + 0.25/50 = 0.032 + 0.005 = 0.037; sqrt = 0.192353840616713;
    //     × 1.96 = 0.377013527608758 → (0.122986472391242, 0.877013527608758).
    // (2) The independent implementation's example (expected-min-cell-1/aggregates.csv, COMM all all all):
    //     g 0.8214155552575344, r 0.739611446095992, n 393 → 0.7298275538898183 … 0.9130035566252505.
    [Fact]
    public void Confidence_interval_of_g()
    {
        var (low, high) = OutcomeMath.GConfidenceInterval(0.5, 0.6, 25)!.Value;
        Assert.Equal(0.122986472391242, low, 14);
        Assert.Equal(0.877013527608758, high, 14);

        var (l2, h2) = OutcomeMath.GConfidenceInterval(0.8214155552575344, 0.739611446095992, 393)!.Value;
        Assert.Equal(0.7298275538898183, l2, 15);
        Assert.Equal(0.9130035566252505, h2, 15);

        Assert.Null(OutcomeMath.GConfidenceInterval(null, 0.5, 10));
        Assert.Null(OutcomeMath.GConfidenceInterval(0.5, null, 10));
    }

    // Trajectories: mean ± 1.96 × sd / sqrt(n). Hand: 34 ± 1.96 × 6 / sqrt(3) = 34 ± 6.789639165670 (n 3, sd 6).
    [Fact]
    public void Confidence_interval_of_a_mean()
    {
        var (low, high) = OutcomeMath.MeanConfidenceInterval(34, 6, 3)!.Value;
        Assert.Equal(27.210360834330, low, 11);
        Assert.Equal(40.789639165670, high, 11);
        Assert.Equal((34.0, 34.0), OutcomeMath.MeanConfidenceInterval(34, 0, 2)); // sd 0 gives a zero-width interval, not an empty one
        Assert.Null(OutcomeMath.MeanConfidenceInterval(34, null, 1));
    }

    [Fact]
    public void Percent_of_zero_is_empty()
    {
        Assert.Equal(200.0 / 3.0, OutcomeMath.Percent(2, 3));
        Assert.Equal(0.0, OutcomeMath.Percent(0, 3));
        Assert.Null(OutcomeMath.Percent(0, 0));
    }

    // Descriptives from exact sums. Hand: {28, 34, 40}: mean 34, Σ(x − 34)² = 72, s² = 36, s = 6.
    // Pearson r of (28,40) (34,38) (40,52): Sxy = 72, Sxx = 72, Syy = 344/3 → r = sqrt(27/43) = 0.79240581569306.
    // Constant values have SD exactly 0 (no rounding residue) and no correlation.
    [Fact]
    public void Descriptives_have_known_values()
    {
        Assert.Equal(34.0, OutcomeMath.Mean([28.0, 34, 40]));
        Assert.Equal(6.0, OutcomeMath.SampleSd([28.0, 34, 40]));
        Assert.Equal(Math.Sqrt(27.0 / 43.0), OutcomeMath.PearsonR([(28.0, 40.0), (34, 38), (40, 52)])!.Value, 15);
        Assert.Equal(0.0, OutcomeMath.SampleSd([57.00000000000001, 57.00000000000001, 57.00000000000001]));
        Assert.Equal(0.0, OutcomeMath.SampleSd([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]));
        Assert.Null(OutcomeMath.PearsonR([(1.0, 2.0), (1.0, 3.0)]));
        Assert.Null(OutcomeMath.SampleSd([5.0]));
        Assert.Null(OutcomeMath.Mean([]));
    }
}
