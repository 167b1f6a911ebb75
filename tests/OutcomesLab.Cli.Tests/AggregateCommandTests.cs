using OutcomesLab.Analytics;
using OutcomesLab.Analytics.Csv;
using OutcomesLab.Analytics.Tests.Support;
using OutcomesLab.Storage.Persistence;
using OutcomesLab.Storage;
using OutcomesLab.TestSupport;
using Xunit;

namespace OutcomesLab.Cli.Tests;

/// <summary><c>outcomeslab aggregate --out DIR [--min-cell N]</c>, run as a process against a real SQLite store.</summary>
public sealed class AggregateCommandTests
{
    private const int UserError = 1;

    private static async Task<int> Run(params string[] args)
    {
        using var folder = new TempFolder();
        return (await CliProcess.RunAsync(folder.Path, args)).ExitCode;
    }

    private static async Task<string> SeededStore(TempFolder folder)
    {
        var location = TestStores.NewLocation(Dialect.Sqlite, folder);
        await using var store = await Store.OpenAsync(location);
        await StoreSeeder.SeedAsync(store, HandComputedDataset.Build(), "2025-01-01T0000");
        return location.Value;
    }

    [Fact]
    public async Task Writes_the_three_files_and_saves_a_run_with_the_default_min_cell()
    {
        using var folder = new TempFolder();
        var db = await SeededStore(folder);
        Assert.Equal(0, await Run("aggregate", "--store", db, "--out", folder.File("out")));
        foreach (var file in new[] { AggregateCsv.AggregatesFile, AggregateCsv.TrajectoriesFile, AggregateCsv.TrendsFile })
            Assert.True(File.Exists(Path.Combine(folder.File("out"), file)), file);
        await using var store = await Store.OpenAsync(StoreLocation.Parse(db));
        var run = await AggregateRunRepository.LatestAsync(store);
        Assert.Equal(11, run!.MinCell);
        Assert.All(run.Aggregates, r => Assert.True(r.Suppressed)); // nine episodes: nothing may be published at 11
    }

    [Fact]
    public async Task Min_cell_option_overrides_the_setting()
    {
        using var folder = new TempFolder();
        var db = await SeededStore(folder);
        Assert.Equal(0, await Run("aggregate", "--store", db, "--out", folder.File("out"), "--min-cell", "1"));
        var rows = AggregateCsv.ReadAggregates(Path.Combine(folder.File("out"), AggregateCsv.AggregatesFile));
        Assert.Contains(rows, r => !r.Suppressed && r.NPaired == 3);
    }

    [Fact]
    public async Task User_mistakes_exit_1_without_writing_anything()
    {
        using var folder = new TempFolder();
        var db = await SeededStore(folder);
        Assert.Equal(UserError, await Run("aggregate", "--store", db, "--out", folder.File("out"), "--min-cell", "0"));
        Assert.Equal(UserError, await Run("aggregate", "--store", folder.File("missing.db"), "--out", folder.File("out")));
        Assert.False(Directory.Exists(folder.File("out")));
        Assert.False(File.Exists(folder.File("missing.db")));
        Assert.NotEqual(0, await Run("aggregate", "--store", db)); // --out is required
    }
}
