using OutcomesLab.TestSupport;

namespace OutcomesLab.Jobs.Tests.Support;

/// <summary>Opens pages of a running `serve` in headless Chromium: each must load clean (no broken image, script error or failed request), with a screenshot kept as a test artifact.</summary>
public static class BrowserChecks
{
    public static async Task ScreenshotAsync(string baseUrl, string name, IEnumerable<string> paths)
    {
        var artifacts = TestArtifacts.Folder("jobs");
        await using var browser = await HeadlessChromium.StartAsync();
        foreach (var path in paths)
        {
            var file = Path.Combine(artifacts, $"{name}{path.Replace('/', '-').TrimEnd('-')}.png");
            var page = await browser.VisitAsync(baseUrl.TrimEnd('/') + path, file, width: 1280, height: 900);
            Assert.True(page.Clean, $"{path}:\n{page.Problems()}");
            Assert.True(new FileInfo(file).Length > 10_000, $"{path}: the screenshot is nearly empty");
        }
    }
}
