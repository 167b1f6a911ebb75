namespace OutcomesLab.Analytics.Statistics;

/// <summary>
/// An exact running sum of doubles: the true sum is held as non-overlapping partials, so the result
/// does not depend on the order the values arrive in (SQLite and PostgreSQL return rows in different
/// orders, yet both stores must give identical files) and no precision is lost to cancellation.
/// Formula: Shewchuk (1997), "Adaptive precision floating-point arithmetic and fast robust geometric
/// predicates", Discrete Comput Geom 18:305–363 (GROW-EXPANSION with zero elimination); the final
/// correctly rounded value follows CPython's math.fsum (msum.py, R. Hettinger). Products enter
/// exactly through the FMA two-product (Dekker 1971: a·b = p + fma(a, b, −p)).
/// </summary>
internal sealed class ExactSum
{
    // The partials in increasing magnitude, in an array grown by hand: Add runs for every score of
    // every administration, and a List's bounds checks, version bumps and RemoveRange cost more than
    // the arithmetic, and this is the aggregate stage's hottest loop.
    private double[] partials = new double[4];
    private int count;

    public IReadOnlyList<double> Partials => new ArraySegment<double>(partials, 0, count);

    /// <summary>Adds x exactly.</summary>
    public void Add(double x)
    {
        if (!double.IsFinite(x)) throw new ArgumentOutOfRangeException(nameof(x), "only finite values can be summed");
        var p = partials;
        var i = 0;
        for (var j = 0; j < count; j++)
        {
            var y = p[j];
            if (Math.Abs(x) < Math.Abs(y)) (x, y) = (y, x);
            var hi = x + y;
            var lo = y - (hi - x);
            if (lo != 0) p[i++] = lo;
            x = hi;
        }
        if (i == p.Length) partials = p = Grow(p);
        p[i] = x;
        count = i + 1;
    }

    private static double[] Grow(double[] p)
    {
        var bigger = new double[p.Length * 2];
        p.CopyTo(bigger, 0);
        return bigger;
    }

    /// <summary>Adds a·b exactly (two-product).</summary>
    public void AddProduct(double a, double b)
    {
        var p = a * b;
        Add(p);
        var e = Math.FusedMultiplyAdd(a, b, -p);
        if (e != 0) Add(e);
    }

    /// <summary>Adds count·x exactly (count below 2^53).</summary>
    public void Add(double x, long count)
    {
        if (count == 1) Add(x);
        else AddProduct(x, count);
    }

    /// <summary>Adds count·x·y exactly: x·y = p + e exactly, then count·p and count·e each exactly.</summary>
    public void AddProduct(double x, double y, long count)
    {
        var p = x * y;
        var e = Math.FusedMultiplyAdd(x, y, -p);
        Add(p, count);
        if (e != 0) Add(e, count);
    }

    /// <summary>Adds another exact sum exactly (a roll-up of groups gives the same value as summing their values one by one).</summary>
    public void Add(ExactSum other)
    {
        if (ReferenceEquals(other, this)) throw new ArgumentException("cannot add a sum to itself in place", nameof(other));
        for (var k = 0; k < other.count; k++) Add(other.partials[k]);
    }

    /// <summary>Adds factor × (this other sum) exactly.</summary>
    public void AddScaled(ExactSum other, double factor)
    {
        foreach (var p in other.Partials.ToArray()) AddProduct(p, factor);
    }

    /// <summary>Adds sign × a × b for two exact sums, exactly (every pair of partials as a two-product).</summary>
    public void AddProductOf(ExactSum a, ExactSum b, double sign)
    {
        foreach (var x in a.Partials.ToArray())
            foreach (var y in b.Partials.ToArray())
                AddProduct(sign * x, y);
    }

    /// <summary>The sum rounded once to the nearest double (ties to even), as math.fsum.</summary>
    public double Value()
    {
        var n = count;
        if (n == 0) return 0.0;
        n--;
        var hi = partials[n];
        var lo = 0.0;
        while (n > 0)
        {
            var x = hi;
            n--;
            var y = partials[n];
            hi = x + y;
            var yr = hi - x;
            lo = y - yr;
            if (lo != 0) break;
        }
        // Round half-even correctly when the remaining partials push the tie one way.
        if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0)))
        {
            var y = lo * 2;
            var x = hi + y;
            var yr = x - hi;
            if (y == yr) hi = x;
        }
        return hi;
    }
}
