using Hangfire;
using Hangfire.Storage;
using OutcomesLab.Jobs.Stages;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Scheduling;

/// <summary>
/// Declares the recurring jobs from configuration — one pull per source (<c>pull-source-1</c>, …),
/// aggregate → director report nightly, the QI report weekly, the configured research exports (<c>export-1</c>, …) — with
/// their cron schedules in UTC, and removes recurring jobs of ours that the configuration no longer names (a source or an
/// export taken out). Idempotent: every host runs it at
/// start-up, so all processes sharing a store must share one configuration.
/// </summary>
public static class RecurringJobRegistrar
{
    public const string PullPrefix = "pull-source-";
    public const string AggregateAndReport = "aggregate-and-report";
    public const string QualityReport = "qi-report";
    public const string ExportPrefix = "export-";

    public static string PullId(int sourceIndex) => PullPrefix + (sourceIndex + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string ExportId(int exportIndex) => ExportPrefix + (exportIndex + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Who a scheduled export is logged as.</summary>
    public static string ExportUser(string recurringJobId) => "job:" + recurringJobId;

    /// <summary>Registers and prunes; returns the ids now declared.</summary>
    public static IReadOnlyList<string> Register(IRecurringJobManager manager, JobStorage storage, OutcomesLabSettings settings)
    {
        var declared = new List<string>();
        var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };

        for (var i = 0; i < settings.Sources.Count; i++)
        {
            var path = Path.GetFullPath(settings.Sources[i].Path!);
            var id = PullId(i);
            Declare("OutcomesLab:Schedules:Pull", settings.Schedules.Pull, () =>
                manager.AddOrUpdate<PullJob>(id, job => job.RunAsync(path, null, CancellationToken.None), settings.Schedules.Pull, utc));
            declared.Add(id);
        }
        Declare("OutcomesLab:Schedules:Aggregate", settings.Schedules.Aggregate, () =>
            manager.AddOrUpdate<RefreshJob>(AggregateAndReport, job => job.Run(), settings.Schedules.Aggregate, utc));
        declared.Add(AggregateAndReport);
        Declare("OutcomesLab:Schedules:QualityReport", settings.Schedules.QualityReport, () =>
            manager.AddOrUpdate<QualityReportJob>(QualityReport, job => job.RunAsync(CancellationToken.None), settings.Schedules.QualityReport, utc));
        declared.Add(QualityReport);
        for (var i = 0; i < settings.Exports.Count; i++)
        {
            var e = settings.Exports[i];
            var id = ExportId(i);
            var (purpose, k, items, withTherapist, user, cron) = (e.Purpose!.Trim(), e.K ?? settings.MinCell, e.Items, e.WithTherapist, ExportUser(id), e.Cron!);
            Declare($"OutcomesLab:Exports:{i}:Cron", cron, () =>
                manager.AddOrUpdate<ExportJob>(id, job => job.RunAsync(purpose, k, items, withTherapist, user, null, CancellationToken.None), cron, utc));
            declared.Add(id);
        }

        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Select(r => r.Id).Where(IsOurs).Except(declared).ToList())
            manager.RemoveIfExists(stale);
        return declared;
    }

    /// <summary>Recurring jobs this registrar owns (others, made by hand on the dashboard, are left alone).</summary>
    private static bool IsOurs(string id) => id.StartsWith(PullPrefix, StringComparison.Ordinal) || id.StartsWith(ExportPrefix, StringComparison.Ordinal);

    /// <summary>Turns Hangfire's complaint about a cron expression into one line naming the key.</summary>
    private static void Declare(string key, string cron, Action declare)
    {
        try
        {
            declare();
        }
        catch (ArgumentException e) when (e.ParamName is "cronExpression" or null)
        {
            throw new SettingsException($"{key} '{cron}' is not a valid cron expression (five fields, UTC)", e);
        }
    }
}
