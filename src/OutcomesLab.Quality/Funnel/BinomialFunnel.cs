namespace OutcomesLab.Quality.Funnel;

/// <summary>
/// Control limits of a funnel plot for a proportion (here: % reliably improved) around a target
/// proportion θ₀, for a unit with n cases.
///
/// Exact binomial limits with interpolation, Spiegelhalter (2005) "Funnel plots for comparing
/// institutional performance", Statistics in Medicine 24:1185–1202, appendix A.1.1: for
/// R ~ Binomial(n, θ₀) and tail probability p,
///   r_p = the smallest r with P(R ≤ r) ≥ p,
///   α   = (P(R ≤ r_p) − p) / (P(R ≤ r_p) − P(R ≤ r_p − 1)),
///   limit = (r_p − α) / n,
/// which makes the step-shaped binomial quantile a smooth curve in n. Exact rather than the normal
/// approximation θ₀ ± z·sqrt(θ₀(1 − θ₀)/n) because units here are small (tens of episodes) and the
/// normal approximation is poor for small n and rates far from 50%. A limit is clamped to [0, 1]:
/// with r_p = 0 the interpolation can fall below 0.
/// </summary>
public static class BinomialFunnel
{
    /// <summary>Tail probabilities of the two limit pairs drawn: 95% (2.5%/97.5%) and 99.8% (0.1%/99.9%).</summary>
    public const double Lower95 = 0.025, Upper95 = 0.975, Lower998 = 0.001, Upper998 = 0.999;

    /// <summary>The interpolated p-quantile of Binomial(n, θ₀) divided by n (a proportion, 0–1).</summary>
    public static double Limit(double target, int n, double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (target is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(target), "a proportion must be in [0, 1]");
        if (p is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(p), "a tail probability must be in (0, 1)");
        if (target == 0) return 0;
        if (target == 1) return 1;

        // Walk the CDF upwards in log space (pmf(0) = (1 − θ)^n underflows for large n).
        var logRatio = Math.Log(target) - Math.Log(1 - target);
        var logPmf = n * Math.Log(1 - target);
        double below = 0, cdf = Math.Exp(logPmf);
        var r = 0;
        while (cdf < p && r < n)
        {
            logPmf += Math.Log((double)(n - r) / (r + 1)) + logRatio;
            r++;
            below = cdf;
            cdf += Math.Exp(logPmf);
        }
        var alpha = (cdf - p) / (cdf - below);
        return Math.Clamp((r - alpha) / n, 0, 1);
    }

    /// <summary>The four limits at one n.</summary>
    public static FunnelLimits LimitsAt(double target, int n) => new(
        n,
        Limit(target, n, Lower998), Limit(target, n, Lower95),
        Limit(target, n, Upper95), Limit(target, n, Upper998));

    /// <summary>Where a unit with <paramref name="events"/> out of <paramref name="n"/> falls against the limits.</summary>
    public static FunnelPosition Classify(double target, int events, int n)
    {
        var limits = LimitsAt(target, n);
        var y = (double)events / n;
        if (y > limits.Upper998) return FunnelPosition.Above998;
        if (y < limits.Lower998) return FunnelPosition.Below998;
        if (y > limits.Upper95) return FunnelPosition.Above95;
        if (y < limits.Lower95) return FunnelPosition.Below95;
        return FunnelPosition.Within;
    }
}
