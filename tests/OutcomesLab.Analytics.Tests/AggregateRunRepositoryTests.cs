using Microsoft.Extensions.Time.Testing;
using Dapper;
using OutcomesLab.Analytics.Csv;
using OutcomesLab.Analytics.Tests.Support;
using OutcomesLab.Domain;
using OutcomesLab.Storage.Persistence;
using OutcomesLab.Storage;
using OutcomesLab.TestSupport;
using Xunit;

namespace OutcomesLab.Analytics.Tests;

/// <summary>Versioned aggregate runs in the store (migration 0002): saved, read back whole, summarised for status.</summary>
public sealed class AggregateRunRepositoryTests
{
    [SkippableTheory]
    [MemberData(nameof(TestStores.Dialects), MemberType = typeof(TestStores))]
    public async Task Latest_run_reads_back_exactly_what_was_published(Dialect dialect)
    {
        using var folder = new TempFolder();
        await using var store = await Store.OpenAsync(TestStores.NewLocation(dialect, folder));
        Assert.Null(await AggregateRunRepository.LatestAsync(store));
        Assert.Null(await AggregateRunRepository.LatestSummaryAsync(store));
        await StoreSeeder.SeedAsync(store, HandComputedDatasetTests.Dataset(), "2025-01-01T0000");
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 4, 2, 0, 0, 123, TimeSpan.Zero));

        var first = await AggregateStage.RunAsync(store, Catalog.Default, 3, null, clock, default);
        clock.Advance(TimeSpan.FromDays(1));
        var second = await AggregateStage.RunAsync(store, Catalog.Default, 1, folder.File("out"), clock, default);

        Assert.True(second.RunId > first.RunId);
        var latest = await AggregateRunRepository.LatestAsync(store);
        Assert.NotNull(latest);
        Assert.Equal(second.RunId, latest.RunId);
        Assert.Equal(clock.GetUtcNow(), latest.CreatedAt);
        Assert.Equal(1, latest.MinCell);
        Assert.Equal(["2025-01-01T0000"], latest.Batches);
        Assert.Equal(second.Aggregates, latest.Aggregates);
        Assert.Equal(second.Trajectories, latest.Trajectories);
        Assert.Equal(second.Trends, latest.Trends);
        // What the files say is what the store says.
        Assert.Equal(latest.Aggregates, AggregateCsv.ReadAggregates(Path.Combine(folder.File("out"), AggregateCsv.AggregatesFile)));

        var older = await AggregateRunRepository.GetAsync(store, first.RunId);
        Assert.NotNull(older);
        Assert.Equal(3, older.MinCell);
        Assert.Equal(first.Aggregates, older.Aggregates);
        Assert.Contains(older.Aggregates, r => r.Suppressed);
        Assert.Null(await AggregateRunRepository.GetAsync(store, 999_999));
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Dialects), MemberType = typeof(TestStores))]
    public async Task Summary_says_when_batches_arrived_after_the_run(Dialect dialect)
    {
        using var folder = new TempFolder();
        await using var store = await Store.OpenAsync(TestStores.NewLocation(dialect, folder));
        await StoreSeeder.SeedAsync(store, HandComputedDatasetTests.Dataset(), "2025-01-01T0000");
        await AggregateStage.RunAsync(store, Catalog.Default, 11, null, new FakeTimeProvider(new DateTimeOffset(2025, 3, 4, 2, 0, 0, TimeSpan.Zero)), default);

        var summary = await AggregateRunRepository.LatestSummaryAsync(store);
        Assert.NotNull(summary);
        Assert.True(summary.IsCurrent);
        Assert.Equal((1, "2025-01-01T0000", 9L, 11), (summary.BatchesCovered, summary.LatestBatch, summary.Episodes, summary.MinCell));
        Assert.Equal(summary.AggregateRows, (await AggregateRunRepository.LatestAsync(store))!.Aggregates.Count);
        Assert.Equal("aggregate run #" + summary.RunId + " at 2025-03-04 02:00Z (min_cell 11): 1 batch up to 2025-01-01T0000, <11 episodes, "
            + $"{summary.AggregateRows} aggregate / {summary.TrajectoryRows} trajectory / {summary.TrendRows} trend rows ({summary.SuppressedRows} suppressed); up to date",
            summary.Describe());
        // With min_cell 11 every one of this small dataset's rows is suppressed.
        Assert.Equal(summary.AggregateRows + summary.TrajectoryRows + summary.TrendRows, summary.SuppressedRows);

        var more = new SeedData().Episode("N1", "low_desire", "cbt");
        more.Valid("N1", "SAT", 0, 0, 30);
        await StoreSeeder.SeedAsync(store, more, "2025-02-01T0000");
        var stale = await AggregateRunRepository.LatestSummaryAsync(store);
        Assert.False(stale!.IsCurrent);
        Assert.Equal(1, stale.NewerBatches);
        Assert.EndsWith("1 newer batch not yet aggregated", stale.Describe(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Dialects), MemberType = typeof(TestStores))]
    public async Task Only_publishable_figures_are_stored(Dialect dialect)
    {
        using var folder = new TempFolder();
        await using var store = await Store.OpenAsync(TestStores.NewLocation(dialect, folder));
        await StoreSeeder.SeedAsync(store, HandComputedDatasetTests.Dataset());
        await AggregateStage.RunAsync(store, Catalog.Default, 11, null, new FakeTimeProvider(DateTimeOffset.UnixEpoch), default);
        await using var c = await store.ConnectAsync();
        // Everything is below 11 here: the stored rows of this run hold no figure at all.
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM aggregate_run_aggregates WHERE n_paired IS NOT NULL OR baseline_mean IS NOT NULL OR n_episodes IS NOT NULL"));
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM aggregate_run_trajectories WHERE n IS NOT NULL OR mean IS NOT NULL"));
        Assert.True(await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM aggregate_run_aggregates WHERE suppressed = 1") > 0);
    }

    [Fact]
    public async Task Min_cell_below_one_is_refused()
    {
        using var folder = new TempFolder();
        await using var store = await Store.OpenAsync(TestStores.NewLocation(Dialect.Sqlite, folder));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => AggregateStage.RunAsync(store, Catalog.Default, 0, null, TimeProvider.System, default));
    }
}
