using Hangfire;
using Hangfire.Storage.Monitoring;
using OutcomesLab.Jobs.Scheduling;
using OutcomesLab.Jobs.Stages;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Tests.Support;

/// <summary>
/// The test's view of the job storage the hosts share: it enqueues and triggers jobs the way the
/// dashboard's buttons do, and reads their state history. It runs no server: the hosts do the work.
/// </summary>
public sealed class JobWatch(JobStorage storage)
{
    public JobStorage Storage { get; } = storage;

    public static async Task<JobWatch> ForAsync(OutcomesLabSettings settings)
    {
        JobServices.UseJobFormat(GlobalConfiguration.Configuration);
        return new JobWatch(await JobStorageFactory.CreateAsync(settings, CancellationToken.None));
    }

    public string EnqueuePull(string dropFolder) =>
        new BackgroundJobClient(Storage).Enqueue<PullJob>(job => job.RunAsync(dropFolder, null, CancellationToken.None));

    /// <summary>"Trigger now" on a recurring job; returns the job it created.</summary>
    public string Trigger(string recurringJobId) => new RecurringJobManager(Storage).TriggerJob(recurringJobId);

    /// <summary>The job's states, oldest first.</summary>
    public IReadOnlyList<StateHistoryDto> History(string jobId) =>
        (Storage.GetMonitoringApi().JobDetails(jobId)?.History ?? []).OrderBy(h => h.CreatedAt).ToList();

    public string State(string jobId) => History(jobId) is { Count: > 0 } h ? h[^1].StateName : "";

    /// <summary>Waits until the job reaches one of <paramref name="states"/>; fails with its history otherwise.</summary>
    public async Task<StateHistoryDto> WaitForAsync(string jobId, TimeSpan timeout, params string[] states)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var history = History(jobId);
            if (history.Count > 0 && states.Contains(history[^1].StateName)) return history[^1];
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"job {jobId} did not reach {string.Join("/", states)} within {timeout}; history: {Describe(history)}");
            await Task.Delay(250);
        }
    }

    public static string Describe(IEnumerable<StateHistoryDto> history) =>
        string.Join(" → ", history.Select(h => $"{h.StateName}({h.Reason})"));
}
