using OutcomesLab.Analytics.Statistics;
using Xunit;

namespace OutcomesLab.Analytics.Tests;

/// <summary>
/// The exact accumulator the figures rest on. Expected values are those of CPython's math.fsum
/// (the same algorithm, documented examples) and exact arithmetic.
/// </summary>
public sealed class ExactSumTests
{
    private static double Sum(params double[] values)
    {
        var s = new ExactSum();
        foreach (var v in values) s.Add(v);
        return s.Value();
    }

    [Fact]
    public void Matches_fsum_documented_examples()
    {
        // Python docs, math.fsum: sum([.1]*10) is 0.9999999999999999 but fsum gives 1.0.
        Assert.Equal(1.0, Sum(Enumerable.Repeat(0.1, 10).ToArray()));
        // CPython test_math: fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]) == 1e-100.
        Assert.Equal(1e-100, Sum(1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50));
        // test_math: fsum([2.0**53, -0.5, -2.0**-54]) == 2.0**53 - 1.0 (round-half-even correction).
        Assert.Equal(Math.Pow(2, 53) - 1.0, Sum(Math.Pow(2, 53), -0.5, -Math.Pow(2, -54)));
    }

    [Fact]
    public void Order_does_not_change_the_result()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 5000).Select(_ => Math.Round(random.NextDouble() * 60, 3) / 7.0).ToArray();
        var forward = Sum(values);
        var backward = Sum(values.Reverse().ToArray());
        var shuffled = Sum(values.OrderBy(_ => random.Next()).ToArray());
        Assert.Equal(forward, backward);
        Assert.Equal(forward, shuffled);
    }

    [Fact]
    public void Products_and_multiplicities_are_exact()
    {
        // 0.1 × 3 as a multiplicity equals adding 0.1 three times, exactly (both 0.30000000000000004 rounded once).
        var a = new ExactSum();
        a.Add(0.1, 3);
        Assert.Equal(Sum(0.1, 0.1, 0.1), a.Value());
        // n·Σx² − (Σx)² of {x, x, x} is exactly zero even for an x whose square is inexact.
        var squares = new ExactSum();
        var sum = new ExactSum();
        foreach (var _ in Enumerable.Range(0, 3)) { squares.AddProduct(0.1, 0.1, 1); sum.Add(0.1); }
        var centred = new ExactSum();
        centred.AddScaled(squares, 3);
        centred.AddProductOf(sum, sum, -1);
        Assert.Equal(0.0, centred.Value());
    }

    [Fact]
    public void Refuses_non_finite_values() => Assert.Throws<ArgumentOutOfRangeException>(() => Sum(double.NaN));
}
