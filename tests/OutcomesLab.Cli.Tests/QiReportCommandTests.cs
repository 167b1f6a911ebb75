using OutcomesLab.Analytics;
using OutcomesLab.Quality.Persistence;
using OutcomesLab.Storage.Persistence;
using OutcomesLab.Storage;
using OutcomesLab.TestSupport;

namespace OutcomesLab.Cli.Tests;

/// <summary><c>outcomeslab qi-report</c> as a process, on a real SQLite store filled through the real ingest gate.</summary>
public sealed class QiReportCommandTests(QiReportCommandTests.PipelineStore pipeline) : IClassFixture<QiReportCommandTests.PipelineStore>
{
    private const int UserError = 1;

    private static async Task<int> Run(params string[] args)
    {
        using var folder = new TempFolder();
        return (await CliProcess.RunAsync(folder.Path, args)).ExitCode;
    }

    [Fact]
    public async Task Writes_the_report_and_saves_the_models_with_the_aggregate_run()
    {
        using var folder = new TempFolder();
        var outDir = folder.File("qi");
        Assert.Equal(0, await Run("qi-report", "--store", pipeline.Store, "--out", outDir, "--period", "2024-Q2"));

        var html = await File.ReadAllTextAsync(Path.Combine(outDir, "index.html"));
        Assert.Contains("intake in 2024-Q2", html, StringComparison.Ordinal);
        Assert.Equal("episode_ref,therapist_id,site_id,instrument,session_number,reason,latest_score,expected_score,lower_bound",
            File.ReadLines(Path.Combine(outDir, "alerts.csv")).First());
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(outDir, "charts"), "*.svg"));

        await using var store = await Store.OpenAsync(StoreLocation.Parse(pipeline.Store));
        var run = await AggregateRunRepository.LatestSummaryAsync(store);
        Assert.NotNull(run);
        Assert.True(run.IsCurrent);
        Assert.Contains(await QiModelRepository.ListAsync(store, run.RunId), m => m.Name == "casemix");
    }

    [Theory]
    [InlineData("--period", "2024Q2")]
    [InlineData("--period", "2024-Q9")]
    [InlineData("--min-cell", "0")]
    public async Task A_bad_option_is_a_user_error_and_writes_nothing(string option, string value)
    {
        using var folder = new TempFolder();
        Assert.Equal(UserError, await Run("qi-report", "--store", pipeline.Store, "--out", folder.File("qi"), option, value));
        Assert.False(Directory.Exists(folder.File("qi")));
    }

    [Fact]
    public async Task A_missing_store_is_a_user_error()
    {
        using var folder = new TempFolder();
        Assert.Equal(UserError, await Run("qi-report", "--store", folder.File("missing.db"), "--out", folder.File("qi")));
        Assert.False(File.Exists(folder.File("missing.db")));
    }

    /// <summary>One store for the class: 400 synthetic episodes through the ingest gate (no aggregate run yet).</summary>
    public sealed class PipelineStore() : IngestedStore(400, 8);
}
