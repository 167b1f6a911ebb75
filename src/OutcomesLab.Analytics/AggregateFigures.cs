using OutcomesLab.Analytics.Aggregation;
using OutcomesLab.Analytics.Suppression;
using OutcomesLab.Domain;

namespace OutcomesLab.Analytics;

/// <summary>
/// The three published tables of one computation, suppressed. Built from the builders (however
/// they were fed: the store's counted cells or Domain records in memory).
/// </summary>
public sealed record AggregateFigures(
    IReadOnlyList<AggregateRow> Aggregates, IReadOnlyList<TrajectoryRow> Trajectories, IReadOnlyList<TrendRow> Trends)
{
    /// <summary>Rows of the builders with the primary and secondary suppression of docs/contracts/metrics.md applied at <paramref name="minCell"/>.</summary>
    public static AggregateFigures Publish(AggregateBuilder outcomes, TrajectoryBuilder trajectories, int minCell)
    {
        if (minCell < 1) throw new ArgumentOutOfRangeException(nameof(minCell), "min_cell must be at least 1");
        var raw = outcomes.AggregateRows();
        var aggregates = SmallCellSuppression.Aggregates(raw, minCell);
        var trends = SmallCellSuppression.Trends(outcomes.TrendRows(), minCell, raw, aggregates);
        return new AggregateFigures(aggregates, SmallCellSuppression.Trajectories(trajectories.Rows(), minCell), trends);
    }

    /// <summary>In memory, from Domain records (tests, notebooks): each outcome and administration counts once.</summary>
    public static AggregateFigures Compute(Catalog catalog, IEnumerable<EpisodeOutcome> outcomes,
        IEnumerable<(EpisodeInfo Episode, ScoredAdministration Administration)> administrations, int minCell)
    {
        var builder = new AggregateBuilder(catalog);
        foreach (var o in outcomes) builder.Add(o);
        var trajectories = new TrajectoryBuilder(catalog);
        foreach (var (e, a) in administrations) trajectories.Add(e, a);
        return Publish(builder, trajectories, minCell);
    }
}
