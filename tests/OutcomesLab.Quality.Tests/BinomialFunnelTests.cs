using OutcomesLab.Quality.Funnel;

namespace OutcomesLab.Quality.Tests;

public class BinomialFunnelTests
{
    // Reference values: Provenance/funnel_limits.py, Spiegelhalter's (2005, appendix A.1.1) interpolated
    // exact binomial limit computed in exact rational arithmetic (Python fractions + math.comb),
    // independently of the log-space CDF walk of BinomialFunnel. Sanity anchor for the first row:
    // for Binomial(20, 0.5), P(R ≤ 5) = 0.0207 and P(R ≤ 6) = 0.0577, so the 2.5% quantile is 6.
    [Theory]
    [InlineData(0.5, 20, 0.001, 0.1367357894736842)]
    [InlineData(0.5, 20, 0.025, 0.2558235294117647)]
    [InlineData(0.5, 20, 0.975, 0.6941764705882353)]
    [InlineData(0.5, 20, 0.999, 0.8132642105263158)]
    [InlineData(0.35, 50, 0.001, 0.14234149879226818)]
    [InlineData(0.35, 50, 0.025, 0.20986863568336056)]
    [InlineData(0.35, 50, 0.975, 0.47543386376400726)]
    [InlineData(0.35, 50, 0.999, 0.5556232381697833)]
    [InlineData(0.6, 200, 0.001, 0.4892941470175515)]
    [InlineData(0.6, 200, 0.025, 0.5291178083501774)]
    [InlineData(0.6, 200, 0.975, 0.664856312086341)]
    [InlineData(0.6, 200, 0.999, 0.7029996119642246)]
    [InlineData(0.1, 11, 0.975, 0.2644522753324135)]
    [InlineData(0.1, 11, 0.999, 0.4284680585549356)]
    public void Limit_matches_exact_rational_reference(double target, int n, double p, double expected) =>
        Assert.Equal(expected, BinomialFunnel.Limit(target, n, p), 12);

    [Theory]
    // The reference gives −0.0906… and −0.0837… (r_p = 0): a proportion cannot be negative, so the limit is clamped to 0.
    [InlineData(0.1, 11, 0.001)]
    [InlineData(0.1, 11, 0.025)]
    public void Limit_is_clamped_at_zero_when_the_interpolation_falls_below_it(double target, int n, double p) =>
        Assert.Equal(0, BinomialFunnel.Limit(target, n, p));

    [Fact]
    public void Limits_approach_the_normal_approximation_for_large_n()
    {
        // θ₀ ± z·sqrt(θ₀(1 − θ₀)/n) with z = 1.959964 (97.5%) and 3.090232 (99.9%): for n = 20 000 the binomial
        // is close to normal (skew ≈ 0.006), so the exact limits must agree to well under a percentage point.
        const double theta = 0.3;
        const int n = 20000;
        var se = Math.Sqrt(theta * (1 - theta) / n);
        var limits = BinomialFunnel.LimitsAt(theta, n);
        Assert.Equal(theta + 1.959964 * se, limits.Upper95, 3);
        Assert.Equal(theta - 1.959964 * se, limits.Lower95, 3);
        Assert.Equal(theta + 3.090232 * se, limits.Upper998, 3);
        Assert.Equal(theta - 3.090232 * se, limits.Lower998, 3);
    }

    [Fact]
    public void Limits_narrow_as_n_grows_and_nest()
    {
        double previousWidth = double.MaxValue;
        foreach (var n in new[] { 11, 20, 50, 100, 400 })
        {
            var l = BinomialFunnel.LimitsAt(0.4, n);
            Assert.True(l.Lower998 <= l.Lower95 && l.Lower95 < 0.4 && 0.4 < l.Upper95 && l.Upper95 <= l.Upper998, $"n={n}: {l}");
            Assert.True(l.Upper998 - l.Lower998 < previousWidth);
            previousWidth = l.Upper998 - l.Lower998;
        }
    }

    [Theory]
    // Target 0.5, n = 20: 95% limits 0.2558/0.6942, 99.8% limits 0.1367/0.8133 (rows above).
    [InlineData(17, FunnelPosition.Above998)] // 0.85
    [InlineData(15, FunnelPosition.Above95)]  // 0.75
    [InlineData(14, FunnelPosition.Above95)]  // 0.70 > 0.6942
    [InlineData(13, FunnelPosition.Within)]   // 0.65
    [InlineData(6, FunnelPosition.Within)]    // 0.30
    [InlineData(5, FunnelPosition.Below95)]   // 0.25 < 0.2558
    [InlineData(2, FunnelPosition.Below998)]  // 0.10
    public void Classify_places_a_unit_against_the_limits_at_its_n(int events, FunnelPosition expected) =>
        Assert.Equal(expected, BinomialFunnel.Classify(0.5, events, 20));

    [Fact]
    public void Degenerate_targets_give_degenerate_limits()
    {
        Assert.Equal(0, BinomialFunnel.Limit(0, 30, 0.999));
        Assert.Equal(1, BinomialFunnel.Limit(1, 30, 0.001));
        Assert.Throws<ArgumentOutOfRangeException>(() => BinomialFunnel.Limit(0.5, 0, 0.5));
    }
}
