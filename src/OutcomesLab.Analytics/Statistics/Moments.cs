namespace OutcomesLab.Analytics.Statistics;

/// <summary>
/// Exact power sums of one variable (n, Σx, Σx²), accumulated in any order with multiplicities.
/// Every figure is derived from them in <see cref="OutcomeMath"/>; nothing here rounds.
/// </summary>
internal sealed class Moments
{
    public long Count { get; private set; }
    public ExactSum Sum { get; } = new();
    public ExactSum SumOfSquares { get; } = new();

    public void Add(double x, long count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Count += count;
        Sum.Add(x, count);
        SumOfSquares.AddProduct(x, x, count);
    }

    /// <summary>Adds every value another group holds (exact: the same sums as adding them here one by one).</summary>
    public void Add(Moments other)
    {
        Count += other.Count;
        Sum.Add(other.Sum);
        SumOfSquares.Add(other.SumOfSquares);
    }
}

/// <summary>
/// Exact power sums of paired baseline/final scores: each variable's moments, the raw change
/// (final − baseline, as the episode's own rounded difference) and the cross sum Σxy.
/// </summary>
internal sealed class PairedMoments
{
    public Moments Baseline { get; } = new();
    public Moments Final { get; } = new();
    public Moments Change { get; } = new();
    public ExactSum CrossProducts { get; } = new();

    public long Count => Baseline.Count;

    public void Add(double baseline, double final, long count = 1)
    {
        Baseline.Add(baseline, count);
        Final.Add(final, count);
        Change.Add(final - baseline, count);
        CrossProducts.AddProduct(baseline, final, count);
    }

    /// <summary>Adds every pair another group holds (exact).</summary>
    public void Add(PairedMoments other)
    {
        Baseline.Add(other.Baseline);
        Final.Add(other.Final);
        Change.Add(other.Change);
        CrossProducts.Add(other.CrossProducts);
    }
}
