using OutcomesLab.Quality.Modeling;

namespace OutcomesLab.Quality.Tests;

public class QuantileTests
{
    // Hyndman & Fan (1996) type 7 by hand: for 1..10, h = 9q; q = 0.1 → h = 0.9 → 1 + 0.9 × (2 − 1) = 1.9;
    // q = 0.5 → h = 4.5 → 5.5; q = 0.95 → h = 8.55 → 9.55. The same as R's quantile(1:10, c(.1, .5, .95)).
    [Theory]
    [InlineData(0.1, 1.9)]
    [InlineData(0.5, 5.5)]
    [InlineData(0.95, 9.55)]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 10.0)]
    public void Type7_matches_hand_computed_values(double q, double expected) =>
        Assert.Equal(expected, Quantile.Type7(Enumerable.Range(1, 10).Select(i => (double)i).Reverse(), q), 12);

    [Fact]
    public void Type7_of_one_value_is_that_value() => Assert.Equal(-2.5, Quantile.Type7([-2.5], 0.1));
}
