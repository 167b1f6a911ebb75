using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Logging;

namespace OutcomesLab.Jobs.Scheduling;

/// <summary>
/// Writes every failed attempt of a job to the host's log — job id, method, attempt, exception kind
/// and message — so an operator reading a worker's log sees what the dashboard shows. Pipeline
/// exceptions name where and why, never a value from the data, so the message is safe to log.
/// </summary>
public sealed class JobFailureLog(ILogger<JobFailureLog> log) : JobFilterAttribute, IElectStateFilter
{
    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is not FailedState failed) return;
        var retry = context.GetJobParameter<int>("RetryCount");
        var job = context.BackgroundJob.Job;
        log.LogWarning("job {JobId} {Method}({Argument}) failed (attempt {Attempt}): {Kind}: {Message}",
            context.BackgroundJob.Id, $"{job?.Type.Name}.{job?.Method.Name}", job is { Args.Count: > 0 } ? job.Args[0] : null, retry + 1,
            failed.Exception.GetType().Name, failed.Exception.Message);
    }
}
