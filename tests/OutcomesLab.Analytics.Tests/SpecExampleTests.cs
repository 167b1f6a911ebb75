using Microsoft.Extensions.Time.Testing;
using OutcomesLab.Analytics.Csv;
using OutcomesLab.Analytics.Tests.Support;
using OutcomesLab.Domain;
using OutcomesLab.Ingest;
using OutcomesLab.Storage.Persistence;
using OutcomesLab.Storage;
using OutcomesLab.TestSupport;
using Xunit;
using Xunit.Abstractions;
using OutcomesLab.Privacy;

namespace OutcomesLab.Analytics.Tests;

/// <summary>
/// Known values from shared/spec/example: aggregates.csv and trajectories.csv for min_cell = 1,
/// computed by an independent implementation of docs/contracts/metrics.md. Same keys, order and empty cells;
/// numbers within a relative 1e-6.
/// </summary>
public sealed class SpecExampleTests(ITestOutputHelper output)
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2025, 1, 2, 3, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Figures_computed_in_memory_match_the_expected_files()
    {
        using var folder = new TempFolder();
        var figures = ExampleDrop.Load(Catalog.Default).Compute(minCell: 1);
        AggregateCsv.WriteAggregates(folder.File("aggregates.csv"), figures.Aggregates);
        AggregateCsv.WriteTrajectories(folder.File("trajectories.csv"), figures.Trajectories);
        AssertMatchesExpected(folder.Path);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Dialects), MemberType = typeof(TestStores))]
    public async Task Aggregate_stage_on_a_store_holding_the_example_matches_the_expected_files(Dialect dialect)
    {
        using var folder = new TempFolder();
        await using var store = await Store.OpenAsync(TestStores.NewLocation(dialect, folder));
        await StoreSeeder.SeedAsync(store, ExampleDrop.Load(Catalog.Default), "2025-01-01T0000");

        var run = await AggregateStage.RunAsync(store, Catalog.Default, 1, folder.File("out"), Clock, default);

        AssertMatchesExpected(folder.File("out"));
        Assert.Equal(["2025-01-01T0000"], run.Batches);
        Assert.True(File.Exists(Path.Combine(folder.File("out"), AggregateCsv.TrendsFile)));
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Dialects), MemberType = typeof(TestStores))]
    public async Task Example_drop_ingested_through_the_gate_then_aggregated_matches_the_expected_files(Dialect dialect)
    {
        using var folder = new TempFolder();
        await using var store = await Store.OpenAsync(TestStores.NewLocation(dialect, folder));
        var key = PseudonymKey.FromBytes(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        var pull = await new Ingestor(store, GateOptions.Default, key, Clock).PullAsync(ExampleDrop.DropFolder);
        Assert.Equal(0, pull.RowsRefused + pull.FilesRefused);

        var run = await AggregateStage.RunAsync(store, Catalog.Default, 1, folder.File("out"), Clock, default);

        AssertMatchesExpected(folder.File("out"));
        Assert.Equal(["2025-01-01T0000"], run.Batches);
        var latest = await AggregateRunRepository.LatestSummaryAsync(store);
        Assert.NotNull(latest);
        Assert.True(latest.IsCurrent);
        Assert.Equal(400, latest.Episodes);
    }

    [SkippableFact]
    public async Task Both_stores_write_byte_identical_files()
    {
        using var folder = new TempFolder();
        var data = ExampleDrop.Load(Catalog.Default);
        foreach (var dialect in new[] { Dialect.Sqlite, Dialect.Postgres })
        {
            await using var store = await Store.OpenAsync(TestStores.NewLocation(dialect, folder));
            await StoreSeeder.SeedAsync(store, data);
            await AggregateStage.RunAsync(store, Catalog.Default, 5, folder.File(dialect.ToString()), Clock, default);
        }
        foreach (var file in new[] { AggregateCsv.AggregatesFile, AggregateCsv.TrajectoriesFile, AggregateCsv.TrendsFile })
        {
            var sqlite = File.ReadAllBytes(Path.Combine(folder.File("Sqlite"), file));
            var postgres = File.ReadAllBytes(Path.Combine(folder.File("Postgres"), file));
            Assert.True(sqlite.AsSpan().SequenceEqual(postgres), $"{file} differs between SQLite and PostgreSQL");
            Assert.True(sqlite.Length > 1000, $"{file} is suspiciously small");
        }
    }

    private void AssertMatchesExpected(string folder)
    {
        foreach (var (file, text) in new[] { (AggregateCsv.AggregatesFile, CsvAssert.AggregateText), (AggregateCsv.TrajectoriesFile, CsvAssert.TrajectoryText) })
        {
            var c = CsvAssert.Equivalent(Path.Combine(ExampleDrop.ExpectedFolder, file), Path.Combine(folder, file), text);
            output.WriteLine($"{file}: {c.Rows} rows, {c.NumericCells} numbers, {c.ExactCells} identical to the last digit, worst relative error {c.WorstRelativeError:G3}");
            Assert.True(c.Rows > 800);
        }
        // Byte-level conventions of the expected files: CRLF line ends, no BOM.
        var bytes = File.ReadAllBytes(Path.Combine(folder, AggregateCsv.AggregatesFile));
        Assert.Equal((byte)'i', bytes[0]);
        Assert.Equal("\r\n"u8.ToArray(), bytes[^2..]);
    }
}
