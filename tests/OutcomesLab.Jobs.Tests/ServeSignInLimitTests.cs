using System.Net;
using OutcomesLab.Jobs.Tests.Support;
using OutcomesLab.Jobs.Web;
using OutcomesLab.TestSupport;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Tests;

/// <summary>Guessing passwords on the real `serve`: failures are counted per name and per client, and a locked name refuses the right password too.</summary>
[Trait("Category", "EndToEnd")]
public class ServeSignInLimitTests
{
    private static OutcomesLabSettings Settings(TempFolder folder) => new()
    {
        Store = folder.File("store.db"),
        Output = folder.File("output"),
        Jobs = AppSettingsFile.FastJobs(),
        Schedules = AppSettingsFile.TriggeredOnly(),
        Users =
        [
            new UserSettings { Name = "rita", Role = Roles.Researcher, PasswordHash = PasswordHasher.Hash("rita's long passphrase") },
            new UserSettings { Name = "ada", Role = Roles.Admin, PasswordHash = PasswordHasher.Hash("ada's long passphrase") },
        ],
    };

    [Fact]
    public async Task ABurstOfWrongPasswords_LocksTheName_ThenTheClient_AndForgedForwardedAddressesDoNotHelp()
    {
        using var folder = new TempFolder();
        var (host, url) = await ServeFixture.StartAsync(folder, Settings(folder));
        await using var _ = host;
        using var web = new WebSession(url);

        for (var i = 0; i < SignInThrottle.FailuresPerName; i++)
        {
            using var wrong = await web.SignInAsync("rita", $"guess number {i}");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        using (var locked = await web.SignInAsync("RITA ", "yet another guess"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
            Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a refused attempt says when to try again");
            Assert.Contains("Too many failed sign-ins.", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var right = await web.SignInAsync("rita", "rita's long passphrase"))
            Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        using (var still = await web.GetAsync("/exports"))
            Assert.Equal(HttpStatusCode.Redirect, still.StatusCode);

        // Another name from the same client is not locked yet.
        using (var ada = new WebSession(url))
        using (var signIn = await ada.SignInAsync("ada", "ada's long passphrase"))
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // Spraying other names: the client's own count runs out, and made-up X-Forwarded-For values
        // (no trusted proxy is configured) do not give it fresh ones.
        var left = SignInThrottle.FailuresPerClient - SignInThrottle.FailuresPerName;
        for (var i = 0; i < left; i++)
        {
            using var spray = new WebSession(url);
            using var wrong = await SignInFromAsync(spray, $"user{i}", "Summer2026!", $"198.51.100.{i + 1}");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        using var blocked = new WebSession(url);
        using (var response = await SignInFromAsync(blocked, "ada", "ada's long passphrase", "203.0.113.7"))
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.DoesNotContain("Summer2026", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("guess number", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFloodOfSignInPosts_IsCutOffPerClient_BeforeAnyFormIsRead()
    {
        using var folder = new TempFolder();
        var (host, url) = await ServeFixture.StartAsync(folder, Settings(folder));
        await using var _ = host;
        using var web = new WebSession(url);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= SignInRateLimit.PostsPerMinute; i++)
        {
            using var response = await web.PostAsync("/login", new() { ["name"] = "rita", ["password"] = "no token" });
            statuses.Add(response.StatusCode);
        }
        Assert.All(statuses.Take(SignInRateLimit.PostsPerMinute), s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        // Reading pages is not limited.
        Assert.Contains("Sign in", await web.GetTextAsync("/login"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BehindATrustedProxy_FailuresCountPerForwardedClient()
    {
        using var folder = new TempFolder();
        var settings = Settings(folder);
        settings.Web = new WebSettings { TrustedProxies = ["127.0.0.1"] };
        var (host, url) = await ServeFixture.StartAsync(folder, settings);
        await using var _ = host;

        for (var i = 0; i < SignInThrottle.FailuresPerClient; i++)
        {
            using var spray = new WebSession(url);
            using var wrong = await SignInFromAsync(spray, $"user{i}", "Summer2026!", "198.51.100.1");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        using (var attacker = new WebSession(url))
        using (var refused = await SignInFromAsync(attacker, "ada", "ada's long passphrase", "198.51.100.1"))
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        // Another person behind the same proxy is not locked out with the attacker.
        using var colleague = new WebSession(url);
        using var signIn = await SignInFromAsync(colleague, "ada", "ada's long passphrase", "198.51.100.2");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    private static async Task<HttpResponseMessage> SignInFromAsync(WebSession session, string name, string password, string forwardedFor)
    {
        var token = await session.TokenAsync("/login");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__token"] = token, ["name"] = name, ["password"] = password, ["returnUrl"] = "/" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await session.SendAsync(request);
    }
}
