using OutcomesLab.Analytics;
using OutcomesLab.Cli;
using OutcomesLab.Cli.Commands;
using OutcomesLab.Domain;
using OutcomesLab.Jobs.Hosting;
using OutcomesLab.Storage;
using OutcomesLab.Synthetic;
using OutcomesLab.TestSupport;
using Xunit;

namespace OutcomesLab.Reporting.Tests;

/// <summary>
/// <c>outcomeslab report</c>, run in-process against a real SQLite store that went through the real
/// pipeline: synthetic practice data, the ingest gate, the aggregate stage.
/// </summary>
public sealed class ReportCommandTests(ReportCommandTests.PipelineStore pipeline) : IClassFixture<ReportCommandTests.PipelineStore>
{
    private static async Task<int> Run(params string[] args)
    {
        var global = new GlobalOptions();
        var root = new System.CommandLine.RootCommand("test");
        root.Subcommands.Add(ReportCommand.Create(global));
        return await root.Parse(args).InvokeAsync();
    }

    [Fact]
    public async Task Writes_the_report_of_the_latest_stored_run()
    {
        using var folder = new TempFolder();
        var outDir = folder.File("report");
        Assert.Equal(0, await Run("report", "--store", pipeline.Database, "--out", outDir));

        var html = await File.ReadAllTextAsync(Path.Combine(outDir, "index.html"));
        Assert.Contains($"aggregate run {pipeline.RunId}", html, StringComparison.Ordinal);
        Assert.Contains("min_cell 11", html, StringComparison.Ordinal);
        var pngs = Directory.GetFiles(Path.Combine(outDir, "charts"), "*.png");
        Assert.NotEmpty(pngs);
        Assert.All(pngs, png => Assert.True(File.Exists(Path.ChangeExtension(png, ".svg")), png));
        Assert.Equal(pngs.Length, html.Split("<img src=\"charts/").Length - 1);
    }

    [Fact]
    public async Task A_store_without_an_aggregate_run_is_a_user_error()
    {
        using var folder = new TempFolder();
        var location = TestStores.NewLocation(Dialect.Sqlite, folder);
        await (await Store.OpenAsync(location)).DisposeAsync();
        Assert.Equal(CommandRunner.Error, await Run("report", "--store", location.Value, "--out", folder.File("report")));
        Assert.False(File.Exists(Path.Combine(folder.File("report"), "index.html")));
        Assert.Equal(CommandRunner.Error, await Run("report", "--store", folder.File("missing.db"), "--out", folder.File("report")));
    }

    [Fact]
    public async Task A_run_computed_with_a_smaller_min_cell_than_configured_is_refused()
    {
        using var folder = new TempFolder();
        var location = TestStores.NewLocation(Dialect.Sqlite, folder);
        await using (var store = await Store.OpenAsync(location))
            await AggregateStage.RunAsync(store, Catalog.Default, 5, null, TimeProvider.System, CancellationToken.None);
        Assert.Equal(CommandRunner.Error, await Run("report", "--store", location.Value, "--out", folder.File("report")));
        Assert.False(File.Exists(Path.Combine(folder.File("report"), "index.html")));
    }

    /// <summary>One store for the class: 600 synthetic episodes, ingested and aggregated at min_cell 11.</summary>
    public sealed class PipelineStore : IAsyncLifetime
    {
        private readonly TempFolder folder = new();
        public string Database => folder.File("outcomeslab.db");
        public long RunId { get; private set; }

        public async Task InitializeAsync()
        {
            var drop = folder.File("drop");
            SyntheticPractice.Write(drop, new SynthOptions { Episodes = 600, Seed = 5 }, Catalog.Default);
            var settings = SettingsLoader.Load(new Dictionary<string, string?> { ["Store"] = Database });
            await Pipeline.IngestAsync(settings, drop, CancellationToken.None);
            await using var store = await Store.OpenAsync(StoreLocation.Parse(Database));
            RunId = (await AggregateStage.RunAsync(store, Catalog.Default, 11, null, TimeProvider.System, CancellationToken.None)).RunId;
        }

        public Task DisposeAsync()
        {
            folder.Dispose();
            return Task.CompletedTask;
        }
    }
}
