using OutcomesLab.TestSupport;

namespace OutcomesLab.Cli.Tests;

/// <summary><c>outcomeslab demo</c> as a process, end to end (slow: one small run for every assertion).</summary>
[Trait("Category", "EndToEnd")]
public class DemoCommandTests
{
    [Fact]
    public async Task Demo_writes_the_director_report_and_the_QI_report_with_its_work_list()
    {
        using var folder = new TempFolder();
        var outDir = folder.File("demo");

        var demo = await CliProcess.RunAsync(folder.Path, "demo", "--out", outDir, "--episodes", "400");
        Assert.True(demo.ExitCode == 0, demo.Output);

        Assert.True(File.Exists(Path.Combine(outDir, "director-report", "index.html")));
        var html = await File.ReadAllTextAsync(Path.Combine(outDir, "qi-report", "index.html"));
        Assert.Contains("Quality-improvement report", html, StringComparison.Ordinal);
        Assert.Equal(AlertsCsvHeader, File.ReadLines(Path.Combine(outDir, "qi-report", "alerts.csv")).First());
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(outDir, "qi-report", "charts"), "funnel-*.png"));
    }

    private const string AlertsCsvHeader = "episode_ref,therapist_id,site_id,instrument,session_number,reason,latest_score,expected_score,lower_bound";
}
