namespace OutcomesLab.Quality.Modeling;

/// <summary>
/// Sample quantile, Hyndman &amp; Fan (1996) type 7 (R's default, numpy's "linear"): with the values
/// sorted x₀ ≤ … ≤ x₍ₙ₋₁₎ and h = (n − 1)·q, Q(q) = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋).
/// </summary>
public static class Quantile
{
    public static double Type7(IEnumerable<double> values, double q)
    {
        var x = values.Order().ToArray();
        if (x.Length == 0) throw new ArgumentException("no values", nameof(values));
        if (q is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(q));
        var h = (x.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        return lo + 1 >= x.Length ? x[lo] : x[lo] + (h - lo) * (x[lo + 1] - x[lo]);
    }
}
