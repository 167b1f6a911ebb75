namespace OutcomesLab.Quality.Comparison;

/// <summary>The outcome of <see cref="SmallUnitPooling.Plan"/>: units shown alone, units pooled, and whether the pool may be shown.</summary>
public sealed record PoolingPlan(IReadOnlySet<string> Alone, IReadOnlySet<string> Pooled, bool PoolShown)
{
    /// <summary>The row a unit's episodes are counted in: its own name, or "other".</summary>
    public string RowOf(string unit) => Alone.Contains(unit) ? unit : SmallUnitPooling.Other;

    /// <summary>Rows that may be shown, pool last.</summary>
    public IEnumerable<string> ShownRows =>
        Alone.Order(StringComparer.Ordinal).Concat(PoolShown ? [SmallUnitPooling.Other] : []);
}
