using System.Net;
using OutcomesLab.Jobs.Tests.Support;
using OutcomesLab.TestSupport;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Tests;

/// <summary>
/// Sessions of the real `serve` against copied cookies and changed users: signing out ends a session on
/// the server, and each request is checked against the users configured now (across restarts).
/// </summary>
[Trait("Category", "EndToEnd")]
public class ServeSessionTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private static OutcomesLabSettings Settings(TempFolder folder, params UserSettings[] users) => AppSettingsFile.ForServe(folder, users);

    private static UserSettings User(string name, string role, string password) => AppSettingsFile.User(name, role, password);

    private static async Task<HttpStatusCode> StatusAsync(string url, CookieContainer cookies, string path)
    {
        using var session = new WebSession(url, cookies);
        using var response = await session.GetAsync(path);
        return response.StatusCode;
    }

    private static async Task StopAsync(CliHost host)
    {
        host.Terminate();
        Assert.Equal(0, await host.WaitForExitAsync(ExitTimeout));
    }

    [Fact]
    public async Task ACopiedCookie_StopsWorking_WhenItsOwnerSignsOut()
    {
        using var folder = new TempFolder();
        var (host, url) = await ServeFixture.StartAsync(folder, Settings(folder, User("rita", Roles.Researcher, "rita's long passphrase")));
        await using var _ = host;

        using var rita = new WebSession(url);
        using (var signIn = await rita.SignInAsync("rita", "rita's long passphrase"))
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var copied = rita.CopyCookies();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(url, copied, "/exports"));

        await rita.SignOutAsync();
        using (var attacker = new WebSession(url, copied))
        {
            foreach (var path in new[] { "/", "/exports", "/report/" })
            {
                using var response = await attacker.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} with a cookie copied before sign-out: {(int)response.StatusCode}");
                Assert.Contains("/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
            }
        }
        // Signing in again gives a new session; the old cookie stays dead.
        using (var again = await rita.SignInAsync("rita", "rita's long passphrase"))
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(url, rita.CopyCookies(), "/exports"));
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(url, copied, "/exports"));
    }

    [Fact]
    public async Task AfterARestart_SessionsHold_ButARemovedUser_AChangedPassword_AndAChangedRole_TakeEffect()
    {
        using var folder = new TempFolder();
        var ada = User("ada", Roles.Admin, "ada's long passphrase");
        var rita = User("rita", Roles.Researcher, "rita's long passphrase");
        var dora = User("dora", Roles.Director, "dora's long passphrase");
        var (host, url) = await ServeFixture.StartAsync(folder, Settings(folder, ada, rita, dora));
        var sessions = new Dictionary<string, WebSession>();
        try
        {
            foreach (var (name, password) in new[] { ("ada", "ada's long passphrase"), ("rita", "rita's long passphrase"), ("dora", "dora's long passphrase") })
            {
                var session = new WebSession(url);
                sessions[name] = session;
                using var signIn = await session.SignInAsync(name, password);
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            }
            var ritaToken = await sessions["rita"].TokenAsync("/exports");
            await StopAsync(host);
            await host.DisposeAsync();

            // Unchanged users: every session carries on after the restart.
            (host, url) = await ServeFixture.StartAsync(folder, Settings(folder, ada, rita, dora));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(url, sessions["ada"].Cookies, "/hangfire"));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(url, sessions["rita"].Cookies, "/exports"));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(url, sessions["dora"].Cookies, "/pulls"));
            await StopAsync(host);
            await host.DisposeAsync();

            // rita removed, dora now a researcher.
            var doraResearcher = new UserSettings { Name = dora.Name, Role = Roles.Researcher, PasswordHash = dora.PasswordHash };
            (host, url) = await ServeFixture.StartAsync(folder, Settings(folder, ada, doraResearcher));
            using (var removed = new WebSession(url, sessions["rita"].Cookies))
            {
                using var page = await removed.GetAsync("/exports");
                Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
                Assert.Contains("/login", page.Headers.Location!.ToString(), StringComparison.Ordinal);
                using var export = await removed.PostAsync("/exports", new() { ["__token"] = ritaToken, ["purpose"] = "Outcome study of the removed user" });
                Assert.Equal(HttpStatusCode.Redirect, export.StatusCode);
                Assert.DoesNotContain("requested=", export.Headers.Location!.ToString(), StringComparison.Ordinal);
            }
            Assert.DoesNotContain("requested a research export", host.Output, StringComparison.Ordinal);
            using (var moved = new WebSession(url, sessions["dora"].Cookies))
            {
                using var pulls = await moved.GetAsync("/pulls");
                Assert.Equal(HttpStatusCode.Redirect, pulls.StatusCode);
                Assert.Contains("/denied", pulls.Headers.Location!.ToString(), StringComparison.Ordinal);
                using var exports = await moved.GetAsync("/exports");
                Assert.Equal(HttpStatusCode.OK, exports.StatusCode);
            }
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(url, sessions["ada"].Cookies, "/hangfire"));
            await StopAsync(host);
            await host.DisposeAsync();

            // ada's password changed: her old session ends, the new password signs her in.
            var adaChanged = User("ada", Roles.Admin, "ada's new long passphrase");
            (host, url) = await ServeFixture.StartAsync(folder, Settings(folder, adaChanged, doraResearcher));
            Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(url, sessions["ada"].Cookies, "/hangfire"));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(url, sessions["dora"].Cookies, "/exports"));
            using var fresh = new WebSession(url);
            using (var signIn = await fresh.SignInAsync("ada", "ada's new long passphrase"))
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Contains("OutcomesLab jobs", await fresh.GetTextAsync("/hangfire"), StringComparison.Ordinal);
        }
        finally
        {
            foreach (var s in sessions.Values) s.Dispose();
            await host.DisposeAsync();
        }
    }
}
