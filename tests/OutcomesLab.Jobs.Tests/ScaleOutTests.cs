using System.Globalization;
using Hangfire.Common;
using OutcomesLab.Jobs.Scheduling;
using OutcomesLab.Jobs.Tests.Support;
using OutcomesLab.Storage;
using OutcomesLab.TestSupport;

namespace OutcomesLab.Jobs.Tests;

/// <summary>
/// Workers as real processes on a real PostgreSQL store and Hangfire queue: concurrency, crashes,
/// graceful stops, retries and duplicate drops. Each test compares the store with what one
/// `outcomeslab ingest` makes of the same batches.
/// </summary>
[Trait("Category", "EndToEnd")]
public class ScaleOutTests
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(6);

    [SkippableFact]
    public async Task TwoWorkers_TwentyBatchesDroppedInWaves_EveryBatchIngestedExactlyOnce_NoTwoPullsAtOnce()
    {
        using var folder = new TempFolder();
        var setup = PostgresSetup.Create(folder);
        var reference = References.AllBatchesAsync();
        await using var one = setup.StartWorker("worker-1");
        await using var two = setup.StartWorker("worker-2");
        await PostgresSetup.WaitUntilRunningAsync(one, two);

        var jobs = await JobWatch.ForAsync(setup.Settings);
        var batches = SyntheticDrop.Batches();
        var ids = new List<string>();
        for (var wave = 0; wave < 4; wave++)
        {
            SyntheticDrop.Drop(setup.Drop, batches.Skip(wave * 5).Take(5));
            ids.Add(jobs.EnqueuePull(setup.Drop));
            ids.Add(jobs.EnqueuePull(setup.Drop));
        }
        ids.Add(jobs.Trigger(RecurringJobRegistrar.PullId(0)));
        foreach (var id in ids)
        {
            var end = await jobs.WaitForAsync(id, JobTimeout, "Succeeded", "Failed");
            Assert.True(end.StateName == "Succeeded", $"{id}: {JobWatch.Describe(jobs.History(id))}\n{one.Output}\n{two.Output}");
        }

        Assert.Equal(await reference, await StoreFingerprint.OfAsync(setup.Location));
        var pulls = await setup.PullsAsync();
        Assert.Equal(ids.Count, pulls.Count);
        Assert.All(pulls, p => Assert.Equal("done", p.Status));
        Assert.Equal(SyntheticDrop.BatchCount, pulls.Sum(p => p.BatchesNew));
        var ordered = pulls.OrderBy(p => p.StartedAt, StringComparer.Ordinal).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var before = ordered;
            Assert.True(string.CompareOrdinal(before[i].StartedAt, before[i - 1].FinishedAt) >= 0,
                $"pull #{before[i].PullId} started {before[i].StartedAt} before pull #{before[i - 1].PullId} finished {before[i - 1].FinishedAt}");
        }
        var servers = ids.SelectMany(jobs.History).Where(h => h.StateName == "Processing").Select(h => h.Data["ServerId"]).Distinct().ToList();
        Assert.True(servers.Count >= 2, $"both workers took pulls; servers seen: {string.Join(", ", servers)}");

        one.Terminate();
        two.Terminate();
        Assert.Equal(0, await one.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(0, await two.WaitForExitAsync(TimeSpan.FromSeconds(60)));
    }

    [SkippableFact]
    public async Task A_WorkerKilledMidPull_TheJobIsTakenOverByAnother_AndTheStoreEqualsASingleProcessRun()
    {
        using var folder = new TempFolder();
        var setup = PostgresSetup.Create(folder);
        var reference = References.AllBatchesAsync();
        SyntheticDrop.Drop(setup.Drop, SyntheticDrop.Batches());
        await using var doomed = setup.StartWorker("doomed");
        await PostgresSetup.WaitUntilRunningAsync(doomed);
        var jobs = await JobWatch.ForAsync(setup.Settings);
        var id = jobs.EnqueuePull(setup.Drop);

        await WaitForBatchesAsync(setup, atLeast: 1);
        doomed.Kill();
        await doomed.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var atKill = await setup.ScalarAsync("SELECT COUNT(*) FROM batches");
        Assert.True(atKill < SyntheticDrop.BatchCount, $"the pull was still running when its worker died ({atKill} batches stored)");
        // Its pull shows as died once the server has seen its session go (at once, but give it a moment).
        var shown = "";
        for (var wait = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < wait && shown != StoreStatus.Died; await Task.Delay(200))
            shown = Assert.Single(await setup.PullsAsync()).Status;
        Assert.Equal(StoreStatus.Died, shown);
        Assert.Equal("Processing", jobs.State(id));

        await using var survivor = setup.StartWorker("survivor");
        var end = await jobs.WaitForAsync(id, JobTimeout, "Succeeded", "Failed");
        Assert.True(end.StateName == "Succeeded", $"{JobWatch.Describe(jobs.History(id))}\n{survivor.Output}");

        Assert.Equal(await reference, await StoreFingerprint.OfAsync(setup.Location));
        var processing = jobs.History(id).Where(h => h.StateName == "Processing").Select(h => h.Data["ServerId"]).Distinct().ToList();
        Assert.Equal(2, processing.Count);
        var pulls = await setup.PullsAsync();
        Assert.Equal(["died", "done"], pulls.Select(p => p.Status));
        Assert.Equal(SyntheticDrop.BatchCount - atKill, pulls[1].BatchesNew);
        Assert.Equal(atKill, pulls[1].BatchesSeen);
    }

    [SkippableFact]
    public async Task A_WorkerStoppedWithSigterm_HandsItsPullBack_ExitsCleanly_AndAnotherFinishesIt()
    {
        using var folder = new TempFolder();
        var setup = PostgresSetup.Create(folder);
        var reference = References.AllBatchesAsync();
        SyntheticDrop.Drop(setup.Drop, SyntheticDrop.Batches());
        await using var leaving = setup.StartWorker("leaving");
        await PostgresSetup.WaitUntilRunningAsync(leaving);
        var jobs = await JobWatch.ForAsync(setup.Settings);
        var id = jobs.EnqueuePull(setup.Drop);

        await WaitForBatchesAsync(setup, atLeast: 1);
        leaving.Terminate();
        Assert.Equal(0, await leaving.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("stopped", leaving.Output, StringComparison.Ordinal);
        var atStop = await setup.ScalarAsync("SELECT COUNT(*) FROM batches");
        Assert.True(atStop < SyntheticDrop.BatchCount, $"the pull was still running when its worker was stopped ({atStop} batches stored)");
        var stopped = Assert.Single(await setup.PullsAsync());
        Assert.Equal("failed", stopped.Status); // rolled back its batch in flight and said why, by kind
        Assert.NotEqual("Failed", jobs.State(id)); // a shutdown is not a failure of the job

        await using var successor = setup.StartWorker("successor");
        var end = await jobs.WaitForAsync(id, JobTimeout, "Succeeded", "Failed");
        Assert.True(end.StateName == "Succeeded", $"{JobWatch.Describe(jobs.History(id))}\n{successor.Output}");
        Assert.Equal(await reference, await StoreFingerprint.OfAsync(setup.Location));
        Assert.DoesNotContain(jobs.History(id), h => h.StateName is "Failed" or "Scheduled");
    }

    [SkippableFact]
    public async Task A_JobThatFails_RetriesWithBackOff_EndsFailedWithAClearMessage_WhileOtherJobsGoOn()
    {
        using var folder = new TempFolder();
        var missing = folder.File("not-mounted");
        var setup = PostgresSetup.Create(folder, s => s.Sources.Insert(0, new OutcomesLab.Configuration.SourceSettings { Path = missing }));
        SyntheticDrop.Drop(setup.Drop, SyntheticDrop.Batches().Take(2));
        await using var worker = setup.StartWorker("worker");
        await PostgresSetup.WaitUntilRunningAsync(worker);
        var jobs = await JobWatch.ForAsync(setup.Settings);

        var failing = jobs.Trigger(RecurringJobRegistrar.PullId(0));
        var good = jobs.Trigger(RecurringJobRegistrar.PullId(1));
        var goodEnd = await jobs.WaitForAsync(good, JobTimeout, "Succeeded", "Failed");
        var failedEnd = await jobs.WaitForAsync(failing, JobTimeout, "Failed", "Succeeded");

        Assert.Equal("Succeeded", goodEnd.StateName);
        Assert.Equal(2, await setup.ScalarAsync("SELECT COUNT(*) FROM batches"));
        Assert.Equal("Failed", failedEnd.StateName);
        Assert.Equal("System.IO.DirectoryNotFoundException", failedEnd.Data["ExceptionType"]);
        Assert.Equal($"source drop folder '{missing}' does not exist or cannot be read; check OutcomesLab:Sources and the mount", failedEnd.Data["ExceptionMessage"]);

        // Two retries (OutcomesLab:Jobs:RetryAttempts = 2), each after the configured, growing delay.
        var history = jobs.History(failing);
        // Hangfire records each failed attempt, then the retry rule's Scheduled state.
        Assert.Equal(["Enqueued", "Processing", "Failed", "Scheduled", "Enqueued", "Processing", "Failed", "Scheduled", "Enqueued", "Processing", "Failed"],
            history.Select(h => h.StateName));
        Assert.All(history.Where(h => h.StateName == "Failed"), h => Assert.Equal(failedEnd.Data["ExceptionMessage"], h.Data["ExceptionMessage"]));
        var delays = history.Where(h => h.StateName == "Scheduled")
            .Select(h => (JobHelper.DeserializeDateTime(h.Data["EnqueueAt"]) - JobHelper.DeserializeDateTime(h.Data["ScheduledAt"])).TotalSeconds)
            .ToList();
        Assert.Equal(2, delays.Count);
        Assert.InRange(delays[0], 0.5, 1.5);
        Assert.InRange(delays[1], 3.5, 4.5);
        Assert.All(history.Where(h => h.StateName == "Scheduled"), h => Assert.Contains("Retry attempt", h.Reason, StringComparison.Ordinal));
        Assert.Equal(2, history.Count(h => h.StateName == "Scheduled"));
        // The worker's log says the same as the dashboard, attempt by attempt.
        Assert.Equal(3, worker.Output.Split('\n').Count(l => l.Contains($"failed (attempt", StringComparison.Ordinal) && l.Contains($"DirectoryNotFoundException: source drop folder '{missing}'", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task The_SameBatchDroppedTwice_IsIngestedOnce()
    {
        using var folder = new TempFolder();
        var setup = PostgresSetup.Create(folder);
        var first = SyntheticDrop.Batches()[0];
        var reference = Task.Run(async () =>
        {
            var drop = folder.File("reference-drop");
            SyntheticDrop.Drop(drop, [first]);
            return await PostgresSetup.SingleProcessIngestAsync(folder, drop);
        });
        SyntheticDrop.Drop(setup.Drop, [first]);
        SyntheticDrop.Drop(setup.Drop, [first], asName: first + "-resent");
        await using var worker = setup.StartWorker("worker");
        await PostgresSetup.WaitUntilRunningAsync(worker);
        var jobs = await JobWatch.ForAsync(setup.Settings);

        var pull = jobs.EnqueuePull(setup.Drop);
        var end = await jobs.WaitForAsync(pull, JobTimeout, "Succeeded", "Failed");
        Assert.Equal("Succeeded", end.StateName);
        Assert.Contains("1 new and 1 already ingested batches", end.Data["Result"], StringComparison.Ordinal);
        var again = jobs.EnqueuePull(setup.Drop);
        var secondEnd = await jobs.WaitForAsync(again, JobTimeout, "Succeeded", "Failed");
        Assert.Contains("0 new and 2 already ingested batches", secondEnd.Data["Result"], StringComparison.Ordinal);

        Assert.Equal(await reference, await StoreFingerprint.OfAsync(setup.Location));
        Assert.Equal(1, await setup.ScalarAsync("SELECT COUNT(*) FROM batches"));
    }

    private static async Task WaitForBatchesAsync(PostgresSetup setup, long atLeast)
    {
        var deadline = DateTime.UtcNow + JobTimeout;
        while (await setup.ScalarAsync("SELECT COUNT(*) FROM batches") < atLeast)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no batch was stored within {JobTimeout}");
            await Task.Delay(20);
        }
    }
}
