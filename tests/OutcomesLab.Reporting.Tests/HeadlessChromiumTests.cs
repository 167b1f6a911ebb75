using OutcomesLab.TestSupport;
using Xunit;

namespace OutcomesLab.Reporting.Tests;

/// <summary>The browser helper must see what is wrong with a page, or the report test proves nothing.</summary>
[Trait("Category", "EndToEnd")]
public sealed class HeadlessChromiumTests
{
    [Fact]
    public async Task Helper_reports_a_broken_image_a_console_error_and_an_exception()
    {
        using var folder = new TempFolder();
        var page = folder.File("broken.html");
        await File.WriteAllTextAsync(page, """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>broken</title></head><body>
            <img src="missing.png" alt="missing"><img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==" alt="ok">
            <script>console.error("something broke"); throw new Error("uncaught on purpose");</script>
            </body></html>
            """);
        await using var browser = await HeadlessChromium.StartAsync();
        var report = await browser.VisitAsync(new Uri(page).AbsoluteUri, folder.File("shot.png"), 400, 300);

        Assert.False(report.Clean);
        Assert.Equal(2, report.ImageCount);
        Assert.Single(report.BrokenImages, i => i.EndsWith("missing.png", StringComparison.Ordinal));
        Assert.Contains(report.ConsoleErrors, e => e.Contains("something broke", StringComparison.Ordinal));
        Assert.Contains(report.Exceptions, e => e.Contains("uncaught on purpose", StringComparison.Ordinal));
        Assert.Contains(report.FailedLoads, f => f.Contains("missing.png", StringComparison.Ordinal));
        Assert.True(new FileInfo(folder.File("shot.png")).Length > 100);
    }

    [Fact]
    public async Task Helper_finds_a_clean_page_clean()
    {
        using var folder = new TempFolder();
        var page = folder.File("fine.html");
        await File.WriteAllTextAsync(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>fine</title></head><body><p>fine</p></body></html>");
        await using var browser = await HeadlessChromium.StartAsync();
        var report = await browser.VisitAsync(new Uri(page).AbsoluteUri, width: 400, height: 300);
        Assert.True(report.Clean, report.Problems());
        Assert.Equal(0, report.ImageCount);
    }
}
