using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using OutcomesLab.Jobs.Scheduling;
using OutcomesLab.Jobs.Stages;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Tests;

public class RecurringJobRegistrarTests
{
    private static OutcomesLabSettings Settings(params string[] sources) => new()
    {
        Sources = [.. sources.Select(p => new SourceSettings { Path = p })],
    };

    private static List<RecurringJobDto> Recurring(JobStorage storage)
    {
        using var c = storage.GetConnection();
        return c.GetRecurringJobs().OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void EverySource_GetsAPullEveryQuarterHour_InUtc_ByDefault()
    {
        using var storage = new InMemoryStorage();
        var ids = RecurringJobRegistrar.Register(new RecurringJobManager(storage), storage, Settings("/data/site-a", "/data/site-b"));

        Assert.Equal(["pull-source-1", "pull-source-2", "aggregate-and-report", "qi-report"], ids);
        var all = Recurring(storage);
        Assert.Equal(ids.Order(StringComparer.Ordinal), all.Select(j => j.Id));
        Assert.All(all, j => Assert.Equal("UTC", j.TimeZoneId));
        Assert.Equal("0 2 * * *", all.Single(j => j.Id == "aggregate-and-report").Cron);
        Assert.Equal(typeof(RefreshJob), all.Single(j => j.Id == "aggregate-and-report").Job.Type);
        Assert.Equal("0 6 * * 1", all.Single(j => j.Id == "qi-report").Cron);
        Assert.Equal(typeof(QualityReportJob), all.Single(j => j.Id == "qi-report").Job.Type);
        var jobs = all.Where(j => j.Id.StartsWith("pull-", StringComparison.Ordinal)).ToList();
        Assert.All(jobs, j =>
        {
            Assert.Equal("*/15 * * * *", j.Cron);
            Assert.Equal("UTC", j.TimeZoneId);
            Assert.Equal(typeof(PullJob), j.Job.Type);
            Assert.Equal(nameof(PullJob.RunAsync), j.Job.Method.Name);
        });
        Assert.Equal("/data/site-a", jobs[0].Job.Args[0]);
        Assert.Equal("/data/site-b", jobs[1].Job.Args[0]);
    }

    [Fact]
    public void A_ConfiguredSchedule_IsUsed()
    {
        using var storage = new InMemoryStorage();
        var settings = Settings("/data/a");
        settings.Schedules.Pull = "5 * * * *";
        settings.Schedules.Aggregate = "30 1 * * *";
        settings.Schedules.QualityReport = "0 7 * * 5";
        RecurringJobRegistrar.Register(new RecurringJobManager(storage), storage, settings);
        Assert.Equal(["30 1 * * *", "5 * * * *", "0 7 * * 5"], Recurring(storage).Select(j => j.Cron));
    }

    [Fact]
    public void Registering_Again_IsIdempotent_AndA_RemovedSource_LosesItsPull_WhileJobsMadeByHandStay()
    {
        using var storage = new InMemoryStorage();
        var manager = new RecurringJobManager(storage);
        RecurringJobRegistrar.Register(manager, storage, Settings("/data/a", "/data/b", "/data/c"));
        manager.AddOrUpdate("made-by-hand", () => Console.WriteLine("x"), Cron.Daily());
        RecurringJobRegistrar.Register(manager, storage, Settings("/data/a", "/data/b", "/data/c"));
        Assert.Equal(["aggregate-and-report", "made-by-hand", "pull-source-1", "pull-source-2", "pull-source-3", "qi-report"], Recurring(storage).Select(j => j.Id));

        RecurringJobRegistrar.Register(manager, storage, Settings("/data/a"));
        Assert.Equal(["aggregate-and-report", "made-by-hand", "pull-source-1", "qi-report"], Recurring(storage).Select(j => j.Id));
    }

    [Fact]
    public void A_BadCron_StopsStartUp_NamingTheKey()
    {
        using var storage = new InMemoryStorage();
        var settings = Settings("/data/a");
        settings.Schedules.Pull = "every quarter hour";
        var e = Assert.Throws<SettingsException>(() => RecurringJobRegistrar.Register(new RecurringJobManager(storage), storage, settings));
        Assert.Equal("OutcomesLab:Schedules:Pull 'every quarter hour' is not a valid cron expression (five fields, UTC)", e.Message);
    }

    [Fact]
    public void No_Sources_NoPulls_YetTheStagesAreScheduled()
    {
        using var storage = new InMemoryStorage();
        Assert.Equal(["aggregate-and-report", "qi-report"], RecurringJobRegistrar.Register(new RecurringJobManager(storage), storage, Settings()));
        Assert.Equal(["aggregate-and-report", "qi-report"], Recurring(storage).Select(j => j.Id));
    }

    [Theory]
    [InlineData("Aggregate")]
    [InlineData("QualityReport")]
    public void A_BadStageCron_NamesItsKey(string key)
    {
        using var storage = new InMemoryStorage();
        var settings = Settings("/data/a");
        if (key == "Aggregate") settings.Schedules.Aggregate = "nightly"; else settings.Schedules.QualityReport = "mondays";
        var e = Assert.Throws<SettingsException>(() => RecurringJobRegistrar.Register(new RecurringJobManager(storage), storage, settings));
        Assert.StartsWith($"OutcomesLab:Schedules:{key} '", e.Message, StringComparison.Ordinal);
    }

    private static ExportSettings Export(string purpose, string cron, int? k = null, bool items = false) =>
        new() { Purpose = purpose, Cron = cron, K = k, Items = items };

    [Fact]
    public void ConfiguredExports_AreScheduled_InUtc_AsExportN_LoggedAsTheJob_WithKDefaultingToMinCell()
    {
        using var storage = new InMemoryStorage();
        var settings = Settings("/data/a");
        settings.MinCell = 13;
        settings.Exports = [Export("  Monthly dataset for the desire study ", "0 3 1 * *", items: true), Export("Quarterly therapist dataset", "0 4 1 */3 *", k: 20)];
        var ids = RecurringJobRegistrar.Register(new RecurringJobManager(storage), storage, settings);

        Assert.Equal(["pull-source-1", "aggregate-and-report", "qi-report", "export-1", "export-2"], ids);
        var exports = Recurring(storage).Where(j => j.Id.StartsWith("export-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["0 3 1 * *", "0 4 1 */3 *"], exports.Select(j => j.Cron));
        Assert.All(exports, j =>
        {
            Assert.Equal("UTC", j.TimeZoneId);
            Assert.Equal(typeof(ExportJob), j.Job.Type);
        });
        Assert.Equal(["Monthly dataset for the desire study", 13, true, false, "job:export-1"], exports[0].Job.Args.Take(5));
        Assert.Equal(["Quarterly therapist dataset", 20, false, false, "job:export-2"], exports[1].Job.Args.Take(5));
    }

    [Fact]
    public void An_ExportTakenOutOfTheConfiguration_LosesItsSchedule()
    {
        using var storage = new InMemoryStorage();
        var manager = new RecurringJobManager(storage);
        var settings = Settings();
        settings.Exports = [Export("Monthly dataset", "0 3 1 * *"), Export("Quarterly dataset", "0 4 1 */3 *")];
        RecurringJobRegistrar.Register(manager, storage, settings);
        settings.Exports = [settings.Exports[0]];
        RecurringJobRegistrar.Register(manager, storage, settings);
        Assert.Equal(["aggregate-and-report", "export-1", "qi-report"], Recurring(storage).Select(j => j.Id));
    }

    [Fact]
    public void A_BadExportCron_StopsStartUp_NamingTheKey()
    {
        using var storage = new InMemoryStorage();
        var settings = Settings();
        settings.Exports = [Export("Monthly dataset", "0 3 1 * *"), Export("Quarterly dataset", "quarterly")];
        var e = Assert.Throws<SettingsException>(() => RecurringJobRegistrar.Register(new RecurringJobManager(storage), storage, settings));
        Assert.Equal("OutcomesLab:Exports:1:Cron 'quarterly' is not a valid cron expression (five fields, UTC)", e.Message);
    }
}
