using Hangfire;
using OutcomesLab.Export;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Scheduling;

/// <summary>
/// The retry rule of every job, from configuration: <see cref="JobSettings.RetryAttempts"/> retries
/// with the configured back-off, then Failed (kept, visible on the dashboard). It replaces Hangfire's
/// built-in global rule (10 attempts, its own delays) rather than adding a second one.
/// </summary>
public static class RetryPolicy
{
    public static AutomaticRetryAttribute From(JobSettings jobs) => new()
    {
        Attempts = jobs.RetryAttempts,
        DelaysInSeconds = [.. jobs.EffectiveRetryDelaysSeconds()],
        OnAttemptsExceeded = AttemptsExceededAction.Fail,
        // A refused export (privacy targets that cannot be met) fails at once: running it again gives the same answer.
        ExceptOn = [typeof(ExportRefusedException)],
        LogEvents = true,
    };

    /// <summary>Installs the rule in Hangfire's global filters (process-wide: one host per process).</summary>
    public static void Apply(JobSettings jobs)
    {
        GlobalJobFilters.Filters.Remove<AutomaticRetryAttribute>();
        GlobalJobFilters.Filters.Add(From(jobs));
    }
}
