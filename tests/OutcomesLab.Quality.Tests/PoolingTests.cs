using OutcomesLab.Quality.Comparison;

namespace OutcomesLab.Quality.Tests;

public class PoolingTests
{
    private static Dictionary<string, int> Counts(params (string, int)[] c) => c.ToDictionary(x => x.Item1, x => x.Item2);

    [Fact]
    public void Units_below_min_cell_are_pooled_as_other()
    {
        var plan = SmallUnitPooling.Plan(Counts(("A", 30), ("B", 25), ("C", 6), ("D", 7)), 11);
        Assert.Equal(["A", "B", "other"], plan.ShownRows);
        Assert.Equal(new HashSet<string> { "C", "D" }, plan.Pooled);
        Assert.Equal("other", plan.RowOf("C"));
        Assert.Equal("A", plan.RowOf("A"));
    }

    [Fact]
    public void A_pool_below_min_cell_takes_in_the_smallest_shown_unit()
    {
        // C + D = 8 < 11 would be a small cell (and total − A − B would reveal it): B (12) joins the pool.
        var plan = SmallUnitPooling.Plan(Counts(("A", 30), ("B", 12), ("C", 5), ("D", 3)), 11);
        Assert.Equal(["A", "other"], plan.ShownRows);
        Assert.Equal(new HashSet<string> { "B", "C", "D" }, plan.Pooled);
    }

    [Fact]
    public void When_everything_is_small_nothing_is_shown()
    {
        var plan = SmallUnitPooling.Plan(Counts(("A", 5), ("B", 4)), 11);
        Assert.Empty(plan.ShownRows);
        Assert.False(plan.PoolShown);
    }

    [Fact]
    public void One_small_unit_beside_one_big_one_pools_both()
    {
        var plan = SmallUnitPooling.Plan(Counts(("A", 30), ("B", 4)), 11);
        Assert.Equal(["other"], plan.ShownRows);
    }

    [Fact]
    public void Without_small_units_there_is_no_pool()
    {
        var plan = SmallUnitPooling.Plan(Counts(("A", 11), ("B", 40)), 11);
        Assert.Equal(["A", "B"], plan.ShownRows);
        Assert.Empty(plan.Pooled);
    }

    [Fact]
    public void A_forced_unit_is_pooled_whatever_its_count()
    {
        var plan = SmallUnitPooling.Plan(Counts(("A", 30), ("B", 25), ("C", 20)), 11, new HashSet<string> { "B" });
        Assert.Equal(["A", "C", "other"], plan.ShownRows);
        Assert.Equal(new HashSet<string> { "B" }, plan.Pooled);
    }
}
