using OutcomesLab.Reporting.Report;
using OutcomesLab.TestSupport;
using Xunit;

namespace OutcomesLab.Reporting.Tests;

/// <summary>
/// The report as a director opens it: headless Chromium loads index.html from the folder, every
/// image loads, nothing is logged as an error, and the screenshot is kept under
/// tests/TestResults/artifacts/director-report/.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ReportInBrowserTests
{
    [Fact]
    public async Task Report_opens_in_Chromium_with_every_image_loaded_and_no_console_errors()
    {
        var artifacts = TestArtifacts.Folder("director-report");
        var reportFolder = Path.Combine(artifacts, "report");
        if (Directory.Exists(reportFolder)) Directory.Delete(reportFolder, recursive: true);
        var result = DirectorReport.Write(SampleRuns.SmallRun, SampleRuns.Small, reportFolder);

        await using var browser = await HeadlessChromium.StartAsync();
        var page = await browser.VisitAsync(new Uri(result.IndexPath).AbsoluteUri, Path.Combine(artifacts, "screenshot.png"), 1280, 2400);

        Assert.True(page.Clean, page.Problems());
        Assert.Equal(result.Charts, page.ImageCount);
        var screenshot = await File.ReadAllBytesAsync(page.ScreenshotPath!);
        using var probe = new PixelProbe(screenshot);
        Assert.Equal((1280, 2400), (probe.Width, probe.Height));
        Assert.True(probe.DistinctColours() > 50, "the screenshot is nearly uniform: the page did not render");
    }
}
