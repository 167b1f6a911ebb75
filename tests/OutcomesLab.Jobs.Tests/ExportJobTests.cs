using System.Net;
using System.Text.Json;
using Hangfire;
using OutcomesLab.Export;
using OutcomesLab.Export.Audit;
using OutcomesLab.Jobs.Hosting;
using OutcomesLab.Jobs.Scheduling;
using OutcomesLab.Jobs.Tests.Support;
using OutcomesLab.Jobs.Web;
using OutcomesLab.Storage;
using OutcomesLab.TestSupport;
using OutcomesLab.Privacy;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Tests;

/// <summary>
/// The research export job run by a real `outcomeslab serve` (its Hangfire server) on a store filled by
/// `outcomeslab ingest`: scheduled exports from configuration, exports requested in the web UI, refusals.
/// </summary>
[Trait("Category", "EndToEnd")]
public class ExportJobTests
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(3);
    private const string Purpose = "Test of the scheduled research export";
    private static readonly string[] PublishedFiles =
        ["README.md", "codebook.json", "codebook.md", "episodes.csv", "episodes.parquet", "items.csv", "items.parquet", "manifest.json"];

    /// <summary>Settings of a store holding the synthetic drop (100 episodes), with min_cell 5 as the other serve tests use.</summary>
    private static async Task<OutcomesLabSettings> IngestedStoreAsync(TempFolder folder, Dialect dialect)
    {
        var location = dialect == Dialect.Sqlite ? TestStores.NewLocation(dialect, folder) : PostgresSetup.NewDatabase(folder);
        // A key of this test's own, so the export keys kept beside it go with the folder.
        var key = folder.File("pseudonym.key");
        PseudonymKey.Create(key);
        var drop = folder.File("drop");
        SyntheticDrop.Drop(drop, SyntheticDrop.Batches());
        var ingest = await CliProcess.RunAsync(folder.Path, "ingest", drop, "--store", location.Value, "--key-file", key);
        Assert.True(ingest.ExitCode == 0, ingest.Output);
        return new OutcomesLabSettings
        {
            Store = location.Value,
            KeyFile = key,
            MinCell = 5,
            Output = folder.File("output"),
            Jobs = AppSettingsFile.FastJobs(),
            Schedules = AppSettingsFile.TriggeredOnly(),
        };
    }

    private static async Task<IReadOnlyList<ExportLogEntry>> LogAsync(OutcomesLabSettings settings)
    {
        await using var store = await Store.OpenAsync(StoreLocation.Parse(settings.Store));
        return await new ExportLog(store).ListAsync(CancellationToken.None);
    }

    /// <summary>Everything in the exports folder, hidden staging folders included.</summary>
    private static string[] ExportFolders(OutcomesLabSettings settings)
    {
        var root = OutputLayout.Exports(settings);
        return Directory.Exists(root) ? [.. Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName).Order(StringComparer.Ordinal)!] : [];
    }

    [SkippableTheory]
    [InlineData(Dialect.Sqlite)]
    [InlineData(Dialect.Postgres)]
    public async Task A_ScheduledExport_PublishesACompleteFolder_AndOneLogEntryAsTheJob_WhileAnImpossibleK_FailsOnce_WritingNothing(Dialect dialect)
    {
        using var folder = new TempFolder();
        var settings = await IngestedStoreAsync(folder, dialect);
        settings.Exports =
        [
            new ExportSettings { Purpose = Purpose, Cron = "0 3 1 * *", Items = true },
            new ExportSettings { Purpose = "An export no store this small can give", Cron = "0 4 1 * *", K = 100_000 },
        ];
        var (host, url) = await ServeFixture.StartAsync(folder, settings);
        await using var _ = host;
        var jobs = await JobWatch.ForAsync(settings);

        var made = jobs.Trigger(RecurringJobRegistrar.ExportId(0));
        var refused = jobs.Trigger(RecurringJobRegistrar.ExportId(1));
        var madeEnd = await jobs.WaitForAsync(made, JobTimeout, "Succeeded", "Failed");
        Assert.True(madeEnd.StateName == "Succeeded", JobWatch.Describe(jobs.History(made)) + "\n" + host.Output);
        var refusedEnd = await jobs.WaitForAsync(refused, JobTimeout, "Failed", "Succeeded");
        Assert.Equal("Failed", refusedEnd.StateName);

        // One complete folder named by the export id, and one log entry naming the job and this request.
        var entry = Assert.Single(await LogAsync(settings));
        Assert.Equal([entry.ExportId], ExportFolders(settings));
        var published = Path.Combine(OutputLayout.Exports(settings), entry.ExportId);
        Assert.Equal(PublishedFiles, Directory.EnumerateFiles(published).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains($"export {entry.ExportId} for job:export-1", madeEnd.Data["Result"], StringComparison.Ordinal);
        Assert.Equal("job:export-1", entry.UserName);
        Assert.Equal(Purpose, entry.Purpose);
        Assert.Equal($"hangfire:{made}", ExportStage.RequestIdOf(entry));
        Assert.True(ExportLog.Verify([entry]).Intact);
        using (var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(published, "manifest.json"))))
        {
            Assert.Equal(entry.ExportId, manifest.RootElement.GetProperty("export_id").GetString());
            Assert.Equal(Purpose, manifest.RootElement.GetProperty("purpose").GetString());
            Assert.True(manifest.RootElement.GetProperty("disclosure").GetProperty("k_achieved").GetInt32() >= settings.MinCell);
        }
        Assert.Single(Directory.GetFiles(settings.KeyFile + ".export-keys", "*.key"));

        // The refusal: a clear message, tried once and never again (a retry would be due after 1 s, then 4 s).
        Assert.Contains("research export refused: k = 100000 cannot be met", refusedEnd.Data["ExceptionMessage"], StringComparison.Ordinal);
        Assert.Contains("Nothing was written", refusedEnd.Data["ExceptionMessage"], StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(7));
        Assert.Equal(["Enqueued", "Processing", "Failed"], jobs.History(refused).Select(h => h.StateName));

        // Run again under the same job id (a worker that died after the export was logged): the earlier export is reported, nothing new made.
        Assert.True(new BackgroundJobClient(jobs.Storage).Requeue(made));
        var again = await jobs.WaitForAsync(made, JobTimeout, "Succeeded", "Failed");
        Assert.True(again.StateName == "Succeeded" && jobs.History(made).Count(h => h.StateName == "Succeeded") == 2, JobWatch.Describe(jobs.History(made)));
        Assert.Contains($"export {entry.ExportId} was already made for this request", again.Data["Result"], StringComparison.Ordinal);
        Assert.Single(await LogAsync(settings));
        Assert.Equal([entry.ExportId], ExportFolders(settings));

        // Without users (loopback only) the page is open here: the log, the published files, the refusal.
        var page = await new WebSession(url).GetTextAsync("/exports");
        Assert.Contains($"href=\"/exports/{entry.ExportId}/manifest.json\"", page, StringComparison.Ordinal);
        Assert.Contains("job:export-1", page, StringComparison.Ordinal);
        Assert.Contains("k = 100000 cannot be met", page, StringComparison.Ordinal);
        if (dialect == Dialect.Sqlite) await BrowserChecks.ScreenshotAsync(url, "exports", ["/exports"]);

        host.Terminate();
        Assert.Equal(0, await host.WaitForExitAsync(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task A_Researcher_RequestsAnExport_InTheWebUi_AndDownloadsIt_WhileOtherRolesAndStrangersCannot()
    {
        using var folder = new TempFolder();
        var settings = await IngestedStoreAsync(folder, Dialect.Sqlite);
        settings.Users =
        [
            new UserSettings { Name = "rita", Role = Roles.Researcher, PasswordHash = PasswordHasher.Hash("rita's long passphrase") },
            new UserSettings { Name = "sam", Role = Roles.Supervisor, PasswordHash = PasswordHasher.Hash("sam's long passphrase") },
            new UserSettings { Name = "dora", Role = Roles.Director, PasswordHash = PasswordHasher.Hash("dora's long passphrase") },
        ];
        var (host, url) = await ServeFixture.StartAsync(folder, settings);
        await using var _ = host;
        var jobs = await JobWatch.ForAsync(settings);
        var form = new Dictionary<string, string> { ["purpose"] = "Web-requested research export test", ["k"] = "5", ["items"] = "true" };

        using (var stranger = new WebSession(url))
        {
            foreach (var path in new[] { "/exports", "/exports/20260301-142500-3fa9c1/manifest.json" })
            {
                using var get = await stranger.GetAsync(path);
                Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
                Assert.Contains("/login?ReturnUrl=", get.Headers.Location!.ToString(), StringComparison.Ordinal);
            }
            using var post = await stranger.PostAsync("/exports", form);
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.Contains("/login?ReturnUrl=", post.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        foreach (var (name, password) in new[] { ("sam", "sam's long passphrase"), ("dora", "dora's long passphrase") })
        {
            using var other = new WebSession(url);
            using (var signIn = await other.SignInAsync(name, password)) Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.DoesNotContain("href=\"/exports\"", await other.GetTextAsync("/"), StringComparison.Ordinal);
            using var get = await other.GetAsync("/exports");
            Assert.Contains("/denied", get.Headers.Location!.ToString(), StringComparison.Ordinal);
            using var post = await other.PostAsync("/exports", new(form) { ["__token"] = await other.TokenAsync("/") });
            Assert.True(post.StatusCode == HttpStatusCode.Redirect && post.Headers.Location!.ToString().Contains("/denied", StringComparison.Ordinal),
                $"{name} posting the export form: {(int)post.StatusCode} {post.Headers.Location}");
        }
        Assert.Empty(ExportRequests.Recent(jobs.Storage, user: null, take: 10));

        using var rita = new WebSession(url);
        using (var signIn = await rita.SignInAsync("rita", "rita's long passphrase")) Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("href=\"/exports\"", await rita.GetTextAsync("/"), StringComparison.Ordinal);
        var page = await rita.GetTextAsync("/exports");
        Assert.Contains("No exports yet.", page, StringComparison.Ordinal);
        using (var forged = await rita.PostAsync("/exports", form)) Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using (var identifier = await rita.PostAsync("/exports", new(form) { ["purpose"] = "for jane.doe@example.org", ["__token"] = await rita.TokenAsync("/exports") }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, identifier.StatusCode);
            var body = await identifier.Content.ReadAsStringAsync();
            Assert.Contains("looks like it holds an identifier (e-mail address)", body, StringComparison.Ordinal);
            Assert.DoesNotContain("jane.doe", body, StringComparison.Ordinal);
        }
        using (var lowK = await rita.PostAsync("/exports", new(form) { ["k"] = "2", ["__token"] = await rita.TokenAsync("/exports") }))
            Assert.Equal(HttpStatusCode.BadRequest, lowK.StatusCode);
        Assert.Empty(ExportRequests.Recent(jobs.Storage, user: null, take: 10));

        using var request = await rita.PostAsync("/exports", new(form) { ["__token"] = await rita.TokenAsync("/exports") });
        Assert.Equal(HttpStatusCode.Redirect, request.StatusCode);
        var jobId = request.Headers.Location!.ToString().Split("requested=")[1];
        var end = await jobs.WaitForAsync(jobId, JobTimeout, "Succeeded", "Failed");
        Assert.True(end.StateName == "Succeeded", JobWatch.Describe(jobs.History(jobId)) + "\n" + host.Output);
        var entry = Assert.Single(await LogAsync(settings));
        Assert.Equal("rita", entry.UserName);
        Assert.Equal("Web-requested research export test", entry.Purpose);
        Assert.Equal(PublishedFiles, Directory.EnumerateFiles(Path.Combine(OutputLayout.Exports(settings), entry.ExportId)).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        using var impossible = await rita.PostAsync("/exports", new(form) { ["k"] = "100000", ["__token"] = await rita.TokenAsync("/exports") });
        var impossibleId = impossible.Headers.Location!.ToString().Split("requested=")[1];
        Assert.Equal("Failed", (await jobs.WaitForAsync(impossibleId, JobTimeout, "Failed", "Succeeded")).StateName);

        page = await rita.GetTextAsync("/exports");
        Assert.Contains(entry.ExportId, page, StringComparison.Ordinal);
        Assert.Contains("Hash chain verified: 1 entries", page, StringComparison.Ordinal);
        Assert.Contains("k = 100000 cannot be met", page, StringComparison.Ordinal);
        var manifestLink = $"/exports/{entry.ExportId}/manifest.json";
        Assert.Contains($"href=\"{manifestLink}\"", page, StringComparison.Ordinal);
        using (var download = await rita.GetAsync(manifestLink))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Contains(entry.ExportId, await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        foreach (var bad in new[] { $"/exports/{entry.ExportId}/..%2F..%2F..%2Fstore.db", "/exports/..%2F..%2Fstore.db/x", $"/exports/{entry.ExportId}/missing.csv" })
        {
            using var response = await rita.GetAsync(bad);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Single(await LogAsync(settings));
        Assert.Equal([entry.ExportId], ExportFolders(settings));
        Assert.DoesNotContain("jane.doe", host.Output, StringComparison.Ordinal);

        host.Terminate();
        Assert.Equal(0, await host.WaitForExitAsync(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task Two_exports_requested_in_the_web_ui_are_checked_against_each_other_and_their_log_against_its_anchor()
    {
        using var folder = new TempFolder();
        var settings = await IngestedStoreAsync(folder, Dialect.Sqlite);
        settings.Users = [new UserSettings { Name = "rita", Role = Roles.Researcher, PasswordHash = PasswordHasher.Hash("rita's long passphrase") }];
        var (host, url) = await ServeFixture.StartAsync(folder, settings);
        await using var _ = host;
        var jobs = await JobWatch.ForAsync(settings);
        using var rita = new WebSession(url);
        using (var signIn = await rita.SignInAsync("rita", "rita's long passphrase")) Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // A full-width @ is an @ to the purpose screen, and the refusal does not repeat the purpose.
        using (var lookAlike = await rita.PostAsync("/exports",
                   new() { ["purpose"] = "for jane\uFF20example.org", ["k"] = "5", ["__token"] = await rita.TokenAsync("/exports") }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, lookAlike.StatusCode);
            var body = await lookAlike.Content.ReadAsStringAsync();
            Assert.Contains("looks like it holds an identifier", body, StringComparison.Ordinal);
            Assert.DoesNotContain("jane", body, StringComparison.Ordinal);
        }

        async Task<ExportLogEntry> RequestAsync(bool withTherapist)
        {
            var form = new Dictionary<string, string> { ["purpose"] = "Web export linkage test", ["k"] = "5", ["__token"] = await rita.TokenAsync("/exports") };
            if (withTherapist) form["withTherapist"] = "true";
            using var request = await rita.PostAsync("/exports", form);
            var jobId = request.Headers.Location!.ToString().Split("requested=")[1];
            var end = await jobs.WaitForAsync(jobId, JobTimeout, "Succeeded", "Failed");
            Assert.True(end.StateName == "Succeeded", JobWatch.Describe(jobs.History(jobId)) + "\n" + host.Output);
            return (await LogAsync(settings))[^1];
        }
        var plain = await RequestAsync(withTherapist: false);
        var therapist = await RequestAsync(withTherapist: true);

        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(OutputLayout.Exports(settings), therapist.ExportId, "manifest.json"))))
        {
            var cross = manifest.RootElement.GetProperty("cross_release");
            Assert.Equal([plain.ExportId], cross.GetProperty("earlier_exports").EnumerateArray().Select(e => e.GetString()));
            Assert.True(cross.GetProperty("k_achieved_jointly").GetInt32() >= 5);
            Assert.Equal(1, manifest.RootElement.GetProperty("export_log").GetProperty("entries_before").GetInt32());
            Assert.Equal(plain.EntryHash, manifest.RootElement.GetProperty("export_log").GetProperty("head_before").GetString());
        }
        Assert.Contains("Hash chain verified: 2 entries", await rita.GetTextAsync("/exports"), StringComparison.Ordinal);

        // The newest entry deleted behind the store's back: the page says so, and no further export is made.
        await using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={settings.Store};Pooling=false"))
        {
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "DROP TRIGGER export_log_no_delete; DELETE FROM export_log WHERE entry_id = 2;";
            await cmd.ExecuteNonQueryAsync();
        }
        var page = await rita.GetTextAsync("/exports");
        Assert.Contains("Hash chain broken", page, StringComparison.Ordinal);
        Assert.Contains("removed", page, StringComparison.Ordinal);
        using (var again = await rita.PostAsync("/exports",
                   new() { ["purpose"] = "Web export after tampering", ["k"] = "5", ["__token"] = await rita.TokenAsync("/exports") }))
        {
            var jobId = again.Headers.Location!.ToString().Split("requested=")[1];
            Assert.Equal("Failed", (await jobs.WaitForAsync(jobId, JobTimeout, "Failed", "Succeeded")).StateName);
        }
        Assert.Single(await LogAsync(settings));

        host.Terminate();
        Assert.Equal(0, await host.WaitForExitAsync(TimeSpan.FromSeconds(60)));
    }

    [Theory]
    [InlineData("Purpose", "", "error: OutcomesLab:Exports:0:Purpose is required")]
    [InlineData("Cron", "monthly", "error: OutcomesLab:Exports:0:Cron 'monthly' is not a valid cron expression (five fields, UTC)")]
    public async Task A_BadExportSetting_StopsServe_WithOneLineNamingTheKey(string key, string value, string line)
    {
        using var folder = new TempFolder();
        var settings = new OutcomesLabSettings { Store = folder.File("store.db"), Output = folder.File("output"), Jobs = AppSettingsFile.FastJobs(), Schedules = AppSettingsFile.TriggeredOnly() };
        settings.Exports = [new ExportSettings { Purpose = "Monthly dataset", Cron = "0 3 1 * *" }];
        if (key == "Purpose") settings.Exports[0].Purpose = value; else settings.Exports[0].Cron = value;
        AppSettingsFile.Write(folder.Path, settings);
        var result = await CliProcess.RunAsync(folder.Path, "serve", "--urls", "http://127.0.0.1:0");
        Assert.Equal(1, result.ExitCode);
        // The console may wrap the line to its width; there is one message and no stack trace.
        var message = string.Join(' ', result.Output.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(line, message, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(result.Output, "error:"));
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }
}
