using OutcomesLab.Analytics.Aggregation;
using OutcomesLab.Analytics.Csv;
using OutcomesLab.Domain;
using OutcomesLab.Storage;
using OutcomesLab.Storage.Persistence;
using OutcomesLab.Storage.Reading;

namespace OutcomesLab.Analytics;

/// <summary>
/// The aggregate pipeline stage: reads the store in one snapshot and one ordered pass over the valid
/// administrations (<see cref="AggregateInput"/>, sql/*/Aggregate_ValidAdministrations*.sql), picks
/// each episode's baseline and final on the way (<see cref="OutcomePass"/>), folds them into exact
/// per-group sums, suppresses small cells, saves the result as a versioned run and, when asked,
/// writes aggregates.csv, trajectories.csv and trends.csv.
/// Memory grows with the number of groups, not with the number of episodes.
/// </summary>
public static class AggregateStage
{
    public static async Task<AggregateRun> RunAsync(Store store, Catalog catalog, int minCell, string? outDir, TimeProvider time,
        CancellationToken ct = default)
    {
        if (minCell < 1) throw new ArgumentOutOfRangeException(nameof(minCell), "min_cell must be a whole number of at least 1");
        if (outDir is not null) outDir = OutputFolder.Prepare(outDir);
        var createdAt = time.GetUtcNow();
        var outcomes = new AggregateBuilder(catalog);
        var trajectories = new TrajectoryBuilder(catalog);
        var input = await AggregateInput.For(store).ReadAsync(new OutcomePass(outcomes, trajectories), ct);

        var figures = AggregateFigures.Publish(outcomes, trajectories, minCell);
        var run = await AggregateRunRepository.SaveAsync(store, new AggregateRunContent(
            createdAt, minCell, catalog.Fingerprint(), input.Episodes, outcomes.EpisodeOutcomes, input.Batches,
            figures.Aggregates, figures.Trajectories, figures.Trends), ct);
        if (outDir is not null) AggregateCsv.WriteAll(outDir, run);
        return run;
    }
}
