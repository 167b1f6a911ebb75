using Hangfire;
using Hangfire.Storage;
using OutcomesLab.Jobs.Hosting;
using OutcomesLab.Jobs.Stages;

namespace OutcomesLab.Jobs.Scheduling;

/// <summary>
/// Declares the recurring jobs from configuration — one pull per source (<c>pull-source-1</c>, …),
/// and the stages that follow — with their cron schedules in UTC, and removes recurring jobs of ours
/// that the configuration no longer names (a source taken out). Idempotent: every host runs it at
/// start-up, so all processes sharing a store must share one configuration.
/// </summary>
public static class RecurringJobRegistrar
{
    public const string PullPrefix = "pull-source-";

    public static string PullId(int sourceIndex) => PullPrefix + (sourceIndex + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Registers and prunes; returns the ids now declared.</summary>
    public static IReadOnlyList<string> Register(IRecurringJobManager manager, JobStorage storage, OutcomesLabSettings settings)
    {
        var declared = new List<string>();
        var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };

        for (var i = 0; i < settings.Sources.Count; i++)
        {
            var path = Path.GetFullPath(settings.Sources[i].Path!);
            var id = PullId(i);
            Declare("Pull", settings.Schedules.Pull, () =>
                manager.AddOrUpdate<PullJob>(id, job => job.RunAsync(path, CancellationToken.None), settings.Schedules.Pull, utc));
            declared.Add(id);
        }

        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Select(r => r.Id).Where(IsOurs).Except(declared).ToList())
            manager.RemoveIfExists(stale);
        return declared;
    }

    /// <summary>Recurring jobs this registrar owns (others, made by hand on the dashboard, are left alone).</summary>
    private static bool IsOurs(string id) => id.StartsWith(PullPrefix, StringComparison.Ordinal);

    /// <summary>Turns Hangfire's complaint about a cron expression into one line naming the key.</summary>
    private static void Declare(string scheduleKey, string cron, Action declare)
    {
        try
        {
            declare();
        }
        catch (ArgumentException e) when (e.ParamName is "cronExpression" or null)
        {
            throw new SettingsException($"OutcomesLab:Schedules:{scheduleKey} '{cron}' is not a valid cron expression (five fields, UTC)", e);
        }
    }
}
