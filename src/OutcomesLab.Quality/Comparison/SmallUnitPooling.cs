namespace OutcomesLab.Quality.Comparison;

/// <summary>
/// Decides which units (therapists, sites, approaches) are shown alone and which are pooled as
/// "other", so that no row rests on fewer than min_cell people:
/// 1. every unit whose count is below min_cell goes into the pool;
/// 2. when the pool is not empty but still below min_cell, the smallest shown unit (ties: name)
///    joins it, repeatedly, so that the pool is never itself a small cell — and never the one
///    row that a total minus the shown rows would reveal;
/// 3. when everything is pooled and the pool is still below min_cell, nothing is shown.
/// Units in <c>forced</c> are pooled whatever their count: <see cref="TwoWayPooling"/> pools them
/// so that a second table over the same people cannot be subtracted from this one.
/// </summary>
public static class SmallUnitPooling
{
    public const string Other = "other";

    public static PoolingPlan Plan(IReadOnlyDictionary<string, int> counts, int minCell, IReadOnlySet<string>? forced = null)
    {
        var alone = counts.Where(kv => kv.Value >= minCell && forced?.Contains(kv.Key) != true)
            .OrderBy(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key).ToList();
        var pooled = counts.Keys.Except(alone).ToHashSet(StringComparer.Ordinal);
        var poolCount = pooled.Sum(u => counts[u]);
        while (pooled.Count > 0 && poolCount < minCell && alone.Count > 0)
        {
            var smallest = alone[0];
            alone.RemoveAt(0);
            pooled.Add(smallest);
            poolCount += counts[smallest];
        }
        var poolShown = pooled.Count > 0 && poolCount >= minCell;
        return new PoolingPlan(alone.ToHashSet(StringComparer.Ordinal), pooled, poolShown);
    }
}
