using System.Net;
using OutcomesLab.Jobs.Tests.Support;
using OutcomesLab.TestSupport;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Tests;

/// <summary>
/// The Host header on the real `serve` without users (loopback only): a page elsewhere that rebinds its
/// own name to 127.0.0.1 reaches nothing, neither the UI, the export form nor the job dashboard.
/// </summary>
[Trait("Category", "EndToEnd")]
public class ServeHostFilterTests
{
    [Fact]
    public async Task AForeignHostHeader_Gets400_TheListenNamesLocalhostAndConfiguredNamesAreServed()
    {
        using var folder = new TempFolder();
        var settings = AppSettingsFile.ForServe(folder);
        settings.Web = new WebSettings { AllowedHosts = ["outcomes.example.org"] };
        var (host, url) = await ServeFixture.StartAsync(folder, settings);
        await using var _ = host;
        var port = new Uri(url).Port;
        using var web = new WebSession(url);

        async Task<HttpStatusCode> SendAsync(HttpMethod method, string path, string hostHeader)
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            request.Headers.Host = hostHeader;
            if (method == HttpMethod.Post) request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["purpose"] = "rebinding test" });
            using var response = await web.SendAsync(request);
            return response.StatusCode;
        }

        foreach (var foreign in new[] { "evil.example", $"evil.example:{port}", $"rebind.evil.example:{port}", "127.0.0.1.evil.example", "outcomes.example.org.evil.example" })
        {
            foreach (var path in new[] { "/", "/exports", "/hangfire", "/hangfire/recurring", "/pulls" })
                Assert.True(await SendAsync(HttpMethod.Get, path, foreign) == HttpStatusCode.BadRequest, $"GET {path} with Host {foreign}");
            Assert.Equal(HttpStatusCode.BadRequest, await SendAsync(HttpMethod.Post, "/exports", foreign));
            Assert.Equal(HttpStatusCode.BadRequest, await SendAsync(HttpMethod.Post, "/hangfire/recurring/trigger", foreign));
        }
        foreach (var local in new[] { $"127.0.0.1:{port}", $"localhost:{port}", $"LOCALHOST:{port}", $"[::1]:{port}", $"outcomes.example.org:{port}", "outcomes.example.org" })
        {
            Assert.True(await SendAsync(HttpMethod.Get, "/", local) == HttpStatusCode.OK, $"GET / with Host {local}");
            Assert.True(await SendAsync(HttpMethod.Get, "/hangfire", local) == HttpStatusCode.OK, $"GET /hangfire with Host {local}");
        }
    }
}
