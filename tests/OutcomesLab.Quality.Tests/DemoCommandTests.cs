using OutcomesLab.Cli;
using OutcomesLab.Cli.Commands;
using OutcomesLab.TestSupport;

namespace OutcomesLab.Quality.Tests;

/// <summary><c>outcomeslab demo</c> in-process, end to end (slow: one small run for every assertion).</summary>
[Trait("Category", "EndToEnd")]
public class DemoCommandTests
{
    [Fact]
    public async Task Demo_writes_the_director_report_and_the_QI_report_with_its_work_list()
    {
        using var folder = new TempFolder();
        var global = new GlobalOptions();
        var root = new System.CommandLine.RootCommand("test");
        root.Subcommands.Add(DemoCommand.Create(global));
        var outDir = folder.File("demo");

        Assert.Equal(0, await root.Parse(["demo", "--out", outDir, "--episodes", "400"]).InvokeAsync());

        Assert.True(File.Exists(Path.Combine(outDir, "director-report", "index.html")));
        var html = await File.ReadAllTextAsync(Path.Combine(outDir, "qi-report", "index.html"));
        Assert.Contains("Quality-improvement report", html, StringComparison.Ordinal);
        Assert.Equal(AlertsCsvHeader, File.ReadLines(Path.Combine(outDir, "qi-report", "alerts.csv")).First());
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(outDir, "qi-report", "charts"), "funnel-*.png"));
    }

    private const string AlertsCsvHeader = "episode_ref,therapist_id,site_id,instrument,session_number,reason,latest_score,expected_score,lower_bound";
}
