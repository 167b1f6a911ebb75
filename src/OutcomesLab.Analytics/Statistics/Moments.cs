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
}
