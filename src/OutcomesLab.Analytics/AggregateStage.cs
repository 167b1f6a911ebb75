using Dapper;
using OutcomesLab.Analytics.Aggregation;
using OutcomesLab.Analytics.Csv;
using OutcomesLab.Domain;
using OutcomesLab.Storage;

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
        List<(string, string)> batches;
        long episodes;

        await using (var c = await store.ConnectAsync(ct))
        {
            await c.ExecuteAsync(new CommandDefinition(store.Sql["Aggregate_PrepareRead"], cancellationToken: ct));
            await using var snapshot = await ReadSnapshot.BeginAsync(c, ct);
            batches = (await c.QueryAsync<(string, string)>(new CommandDefinition(store.Sql["Batches_ListCovered"], transaction: snapshot, cancellationToken: ct))).ToList();
            episodes = await c.ExecuteScalarAsync<long>(new CommandDefinition(store.Sql["Episodes_Count"], transaction: snapshot, cancellationToken: ct));
            await AggregateInput.FeedAsync(store, c, snapshot, new OutcomePass(outcomes, trajectories), ct);
            await snapshot.CommitAsync(ct);
        }

        var figures = AggregateFigures.Publish(outcomes, trajectories, minCell);
        var run = await AggregateRunRepository.SaveAsync(store, new AggregateRunContent(
            createdAt, minCell, catalog.Fingerprint(), episodes, outcomes.EpisodeOutcomes, batches,
            figures.Aggregates, figures.Trajectories, figures.Trends), ct);
        if (outDir is not null) AggregateCsv.WriteAll(outDir, run);
        return run;
    }
}
