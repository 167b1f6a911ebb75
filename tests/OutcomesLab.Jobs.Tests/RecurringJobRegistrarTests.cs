using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using OutcomesLab.Jobs.Hosting;
using OutcomesLab.Jobs.Scheduling;
using OutcomesLab.Jobs.Stages;

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

        Assert.Equal(["pull-source-1", "pull-source-2"], ids);
        var jobs = Recurring(storage);
        Assert.Equal(ids, jobs.Select(j => j.Id));
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
        RecurringJobRegistrar.Register(new RecurringJobManager(storage), storage, settings);
        Assert.Equal("5 * * * *", Assert.Single(Recurring(storage)).Cron);
    }

    [Fact]
    public void Registering_Again_IsIdempotent_AndA_RemovedSource_LosesItsPull_WhileJobsMadeByHandStay()
    {
        using var storage = new InMemoryStorage();
        var manager = new RecurringJobManager(storage);
        RecurringJobRegistrar.Register(manager, storage, Settings("/data/a", "/data/b", "/data/c"));
        manager.AddOrUpdate("made-by-hand", () => Console.WriteLine("x"), Cron.Daily());
        RecurringJobRegistrar.Register(manager, storage, Settings("/data/a", "/data/b", "/data/c"));
        Assert.Equal(["made-by-hand", "pull-source-1", "pull-source-2", "pull-source-3"], Recurring(storage).Select(j => j.Id));

        RecurringJobRegistrar.Register(manager, storage, Settings("/data/a"));
        Assert.Equal(["made-by-hand", "pull-source-1"], Recurring(storage).Select(j => j.Id));
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
    public void No_Sources_NoPulls()
    {
        using var storage = new InMemoryStorage();
        Assert.Empty(RecurringJobRegistrar.Register(new RecurringJobManager(storage), storage, Settings()));
        Assert.Empty(Recurring(storage));
    }
}
