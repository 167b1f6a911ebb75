using OutcomesLab.Analytics;
using OutcomesLab.Domain;
using OutcomesLab.Storage;
using OutcomesLab.TestSupport;
using Xunit;

namespace OutcomesLab.Cli.Tests;

/// <summary>
/// <c>outcomeslab report</c>, run as a process against a real SQLite store that went through the real
/// pipeline: synthetic practice data, the ingest gate, the aggregate stage.
/// </summary>
public sealed class ReportCommandTests(ReportCommandTests.PipelineStore pipeline) : IClassFixture<ReportCommandTests.PipelineStore>
{
    private const int UserError = 1;

    private static async Task<int> Run(params string[] args)
    {
        using var folder = new TempFolder();
        return (await CliProcess.RunAsync(folder.Path, args)).ExitCode;
    }

    [Fact]
    public async Task Writes_the_report_of_the_latest_stored_run()
    {
        using var folder = new TempFolder();
        var outDir = folder.File("report");
        Assert.Equal(0, await Run("report", "--store", pipeline.Store, "--out", outDir));

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
        Assert.Equal(UserError, await Run("report", "--store", location.Value, "--out", folder.File("report")));
        Assert.False(File.Exists(Path.Combine(folder.File("report"), "index.html")));
        Assert.Equal(UserError, await Run("report", "--store", folder.File("missing.db"), "--out", folder.File("report")));
    }

    [Fact]
    public async Task A_run_computed_with_a_smaller_min_cell_than_configured_is_refused()
    {
        using var folder = new TempFolder();
        var location = TestStores.NewLocation(Dialect.Sqlite, folder);
        await using (var store = await Store.OpenAsync(location))
            await AggregateStage.RunAsync(store, Catalog.Default, 5, null, TimeProvider.System, CancellationToken.None);
        Assert.Equal(UserError, await Run("report", "--store", location.Value, "--out", folder.File("report")));
        Assert.False(File.Exists(Path.Combine(folder.File("report"), "index.html")));
    }

    /// <summary>One store for the class: 600 synthetic episodes, ingested and aggregated at min_cell 11.</summary>
    public sealed class PipelineStore() : IngestedStore(600, 5)
    {
        public long RunId { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await using var store = await Storage.Store.OpenAsync(StoreLocation.Parse(Store));
            RunId = (await AggregateStage.RunAsync(store, Catalog.Default, 11, null, TimeProvider.System, CancellationToken.None)).RunId;
        }
    }
}
