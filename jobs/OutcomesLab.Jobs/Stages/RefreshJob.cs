using Hangfire;

namespace OutcomesLab.Jobs.Stages;

/// <summary>
/// Aggregate, then the director report — as two jobs, the report a continuation that runs only when
/// the aggregate succeeded. Started by the nightly schedule and by every pull that stored new data.
/// </summary>
public sealed class RefreshJob(IBackgroundJobClient jobs)
{
    [JobDisplayName("aggregate → director report")]
    public string Run() => EnqueueChain(jobs);

    /// <summary>Enqueues the chain; returns a line naming its jobs.</summary>
    public static string EnqueueChain(IBackgroundJobClient jobs)
    {
        var aggregate = jobs.Enqueue<AggregateJob>(job => job.RunAsync(CancellationToken.None));
        var report = jobs.ContinueJobWith<ReportJob>(aggregate, job => job.RunAsync(CancellationToken.None));
        return $"enqueued aggregate (job {aggregate}) → director report (job {report})";
    }
}
