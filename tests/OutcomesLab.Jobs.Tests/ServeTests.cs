using System.Net;
using OutcomesLab.Jobs.Scheduling;
using OutcomesLab.Jobs.Tests.Support;
using OutcomesLab.TestSupport;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Tests;

/// <summary>`outcomeslab serve` as a real process on a SQLite store: access rules, and what the web UI shows after a scheduled pull.</summary>
[Trait("Category", "EndToEnd")]
public class ServeTests
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(3);

    private static OutcomesLabSettings Settings(TempFolder folder, params string[] sources) => new()
    {
        Store = folder.File("store.db"),
        Output = folder.File("output"),
        Sources = [.. sources.Select(s => new SourceSettings { Path = s })],
        Jobs = AppSettingsFile.FastJobs(),
        Schedules = AppSettingsFile.TriggeredOnly(),
    };

    [Fact]
    public async Task Serve_RefusesToListenBeyondLoopback_WithoutUsers_InOneLine_BeforeTouchingTheStore()
    {
        using var folder = new TempFolder();
        var result = await CliProcess.RunAsync(folder.Path, "serve", "--urls", "http://0.0.0.0:5080", "--store", folder.File("store.db"));
        Assert.Equal(1, result.ExitCode);
        // One message (the console may wrap it to its width), and no stack trace.
        var message = string.Join(' ', result.Output.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("error: serve refuses to listen on http://0.0.0.0:5080 without users: configure OutcomesLab:Users", message, StringComparison.Ordinal);
        Assert.EndsWith("or listen on 127.0.0.1 only", message, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("store.db")));
        Assert.False(File.Exists(folder.File("store.db.key")));
    }

    [Fact]
    public async Task HashPassword_PrintsAHashThatVerifies_AndNotThePassword()
    {
        using var folder = new TempFolder();
        var info = CliProcess.StartInfo(folder.Path, "serve", "--hash-password");
        info.RedirectStandardInput = true;
        using var process = System.Diagnostics.Process.Start(info)!;
        await process.StandardInput.WriteLineAsync("a sufficiently long passphrase");
        process.StandardInput.Close();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        var hash = stdout.Trim();
        Assert.Null(PasswordHasher.Problem(hash));
        Assert.True(PasswordHasher.Verify("a sufficiently long passphrase", hash));
        Assert.DoesNotContain("passphrase", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithUsers_EveryPageNeedsSignIn_RolesDecide_AndOnlyAnAdminOpensTheDashboard()
    {
        using var folder = new TempFolder();
        var settings = Settings(folder);
        settings.Users =
        [
            new UserSettings { Name = "ada", Role = Roles.Admin, PasswordHash = PasswordHasher.Hash("ada's long passphrase") },
            new UserSettings { Name = "rita", Role = Roles.Researcher, PasswordHash = PasswordHasher.Hash("rita's long passphrase") },
            new UserSettings { Name = "dora", Role = Roles.Director, PasswordHash = PasswordHasher.Hash("dora's long passphrase") },
        ];
        var (host, url) = await ServeFixture.StartAsync(folder, settings);
        await using var _ = host;
        Assert.Contains("3 users configured: sign-in required", host.Output, StringComparison.Ordinal);

        using (var anonymous = new WebSession(url))
        {
            foreach (var path in new[] { "/", "/report/", "/qi/", "/charts", "/pulls", "/pulls/1", "/hangfire", "/hangfire/recurring", "/hangfire/jobs/failed" })
            {
                using var response = await anonymous.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} without credentials: {(int)response.StatusCode}");
                Assert.Contains("/login?ReturnUrl=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
            }
            // A dashboard action without a session does nothing but send the browser to sign in.
            using var trigger = await anonymous.PostAsync("/hangfire/recurring/trigger", new() { ["jobs[]"] = "pull-source-1" });
            Assert.Equal(HttpStatusCode.Redirect, trigger.StatusCode);

            using var wrong = await anonymous.SignInAsync("rita", "not her passphrase");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains("Wrong name or password.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var unknown = await anonymous.SignInAsync("mallory", "rita's long passphrase");
            Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
            using var still = await anonymous.GetAsync("/");
            Assert.Equal(HttpStatusCode.Redirect, still.StatusCode);
        }

        using (var rita = new WebSession(url))
        {
            using var signIn = await rita.SignInAsync("rita", "rita's long passphrase", returnUrl: "//evil.example/");
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Equal("/", signIn.Headers.Location!.ToString());
            var home = await rita.GetTextAsync("/");
            Assert.Contains("rita", home, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"/hangfire\"", home, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"/pulls\"", home, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"/qi/\"", home, StringComparison.Ordinal);

            using var report = await rita.GetAsync("/report/");
            Assert.Equal(HttpStatusCode.NotFound, report.StatusCode); // allowed; nothing published yet
            foreach (var path in new[] { "/hangfire", "/hangfire/recurring", "/hangfire/jobs/succeeded" })
            {
                using var response = await rita.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"researcher on {path}: {(int)response.StatusCode}");
            }
            foreach (var path in new[] { "/qi/", "/pulls" })
            {
                using var response = await rita.GetAsync(path);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
                using var denied = await rita.GetAsync("/denied");
                Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
            }

            var token = System.Text.RegularExpressions.Regex.Match(home, "name=\"__token\" value=\"([^\"]+)\"").Groups[1].Value;
            using var logout = await rita.PostAsync("/logout", new() { ["__token"] = WebUtility.HtmlDecode(token) });
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
            using var after = await rita.GetAsync("/");
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        }

        using (var dora = new WebSession(url))
        {
            using var signIn = await dora.SignInAsync("DORA", "dora's long passphrase");
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            using var qi = await dora.GetAsync("/qi/");
            Assert.Equal(HttpStatusCode.NotFound, qi.StatusCode); // allowed; nothing published yet
            Assert.Contains("No pull yet.", await dora.GetTextAsync("/pulls"), StringComparison.Ordinal);
            using var dashboard = await dora.GetAsync("/hangfire");
            Assert.Equal(HttpStatusCode.Forbidden, dashboard.StatusCode);
        }

        using (var ada = new WebSession(url))
        {
            using var signIn = await ada.SignInAsync("ada", "ada's long passphrase", returnUrl: "/hangfire");
            Assert.Equal("/hangfire", signIn.Headers.Location!.ToString());
            Assert.Contains("OutcomesLab jobs", await ada.GetTextAsync("/hangfire"), StringComparison.Ordinal);
            Assert.Contains("OutcomesLab jobs", await ada.GetTextAsync("/hangfire/recurring"), StringComparison.Ordinal);
            Assert.Contains("href=\"/hangfire\"", await ada.GetTextAsync("/"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Serve_RunsThePull_ThenAggregateAndReport_AndTheQiReport_AndTheWebUiShowsThem_NeverARefusedValue()
    {
        using var folder = new TempFolder();
        var drop = folder.File("drop");
        var batches = SyntheticDrop.Batches();
        SyntheticDrop.Drop(drop, batches);
        // An e-mail address where a therapist id belongs: the gate refuses the whole file.
        var episodes = Path.Combine(drop, batches[1], "episodes.csv");
        var lines = File.ReadAllLines(episodes);
        var fields = lines[2].Split(',');
        fields[4] = "jane.doe@example.org";
        lines[2] = string.Join(',', fields);
        File.WriteAllLines(episodes, lines);

        var settings = Settings(folder, drop);
        settings.MinCell = 5; // 100 synthetic episodes: with 11 nearly every cell would be suppressed
        var (host, url) = await ServeFixture.StartAsync(folder, settings);
        await using var _ = host;
        Assert.True(File.Exists(JobStorageFactory.SqlitePath(settings)), "Hangfire's SQLite storage lies beside the store");

        // The pull stored new data, so it enqueued aggregate → director report.
        var jobs = await JobWatch.ForAsync(settings);
        var pull = jobs.Trigger(RecurringJobRegistrar.PullId(0));
        var pulled = await jobs.WaitForAsync(pull, JobTimeout, "Succeeded", "Failed");
        Assert.True(pulled.StateName == "Succeeded", JobWatch.Describe(jobs.History(pull)) + "\n" + host.Output);
        var chain = System.Text.RegularExpressions.Regex.Match(pulled.Data["Result"], @"aggregate \(job (\w+)\) → director report \(job (\w+)\)");
        Assert.True(chain.Success, pulled.Data["Result"]);
        foreach (var id in new[] { chain.Groups[1].Value, chain.Groups[2].Value })
        {
            var end = await jobs.WaitForAsync(id, JobTimeout, "Succeeded", "Failed", "Deleted");
            Assert.True(end.StateName == "Succeeded", JobWatch.Describe(jobs.History(id)) + "\n" + host.Output);
        }
        Assert.True(File.Exists(Path.Combine(settings.Output, "jobs", "aggregates", "aggregates.csv")));
        var qi = jobs.Trigger(RecurringJobRegistrar.QualityReport);
        var qiEnd = await jobs.WaitForAsync(qi, JobTimeout, "Succeeded", "Failed");
        Assert.True(qiEnd.StateName == "Succeeded", JobWatch.Describe(jobs.History(qi)) + "\n" + host.Output);
        // Running the report again for the same aggregate run publishes nothing new.
        var again = jobs.Trigger(RecurringJobRegistrar.AggregateAndReport);
        Assert.Equal("Succeeded", (await jobs.WaitForAsync(again, JobTimeout, "Succeeded", "Failed")).StateName);

        using var web = new WebSession(url);
        var pulls = await web.GetTextAsync("/pulls");
        Assert.Contains("href=\"/pulls/1\"", pulls, StringComparison.Ordinal);
        Assert.Contains(drop, pulls, StringComparison.Ordinal);
        var detail = await web.GetTextAsync("/pulls/1");
        Assert.Contains("value looks like a direct identifier (e-mail address)", detail, StringComparison.Ordinal);
        Assert.Contains("whole file refused", detail, StringComparison.Ordinal);
        Assert.Contains(batches[1], detail, StringComparison.Ordinal);
        var report = await web.GetTextAsync("/report/");
        Assert.Contains("Outcomes by presenting concern", report, StringComparison.Ordinal);
        var charts = await web.GetTextAsync("/charts");
        Assert.Contains("<img", charts, StringComparison.Ordinal);
        Assert.Contains("<h1>Quality-improvement report</h1>", await web.GetTextAsync("/qi/"), StringComparison.Ordinal);
        using (var redirect = await web.GetAsync("/report"))
            Assert.Equal("/report/", redirect.Headers.Location!.ToString());
        foreach (var page in new[] { "/", "/pulls", "/pulls/1", "/report/", "/charts", "/qi/" })
            Assert.DoesNotContain("jane.doe", await web.GetTextAsync(page), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("jane.doe", host.Output, StringComparison.OrdinalIgnoreCase);
        using var missing = await web.GetAsync("/pulls/99");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var traversal = await web.GetAsync("/report/..%2F..%2F..%2F..%2Fstore.db");
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);

        await BrowserChecks.ScreenshotAsync(url, "serve",
            ["/", "/pulls/1", "/report/", "/charts", "/qi/", "/hangfire", "/hangfire/recurring", $"/hangfire/jobs/details/{pull}"]);

        host.Terminate();
        Assert.Equal(0, await host.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("stopped", host.Output, StringComparison.Ordinal);
    }
}
