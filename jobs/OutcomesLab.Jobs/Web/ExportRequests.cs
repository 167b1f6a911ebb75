using System.Text.Json;
using Hangfire;
using Hangfire.Common;
using OutcomesLab.Jobs.Stages;

namespace OutcomesLab.Jobs.Web;

/// <summary>
/// The export jobs Hangfire still holds (queued, running, waiting for a retry, done, failed), newest first,
/// so the person who asked sees progress and a refusal's reason without the job dashboard (admins only).
/// </summary>
public static class ExportRequests
{
    public const int Scanned = 200;

    /// <summary>One request: job id, requested by, state, when (UTC), and the job's result or failure message.</summary>
    public sealed record Row(string JobId, string RequestedBy, int K, string State, DateTime? At, string? Message);

    /// <summary>Requests by <paramref name="user"/>, or everyone's when <paramref name="user"/> is null.</summary>
    public static IReadOnlyList<Row> Recent(JobStorage storage, string? user, int take)
    {
        var api = storage.GetMonitoringApi();
        var rows = new List<Row>();
        void Add(string id, Job? job, string state, DateTime? at, string? message)
        {
            if (job?.Type != typeof(ExportJob) || job.Args.Count < 5) return;
            var by = job.Args[4] as string ?? "";
            if (user is not null && !string.Equals(by, user, StringComparison.OrdinalIgnoreCase)) return;
            var k = job.Args[1] is int i ? i : Convert.ToInt32(job.Args[1], System.Globalization.CultureInfo.InvariantCulture);
            rows.Add(new Row(id, by, k, state, at, message));
        }
        foreach (var queue in api.Queues())
        {
            foreach (var (id, j) in api.EnqueuedJobs(queue.Name, 0, Scanned)) Add(id, j.Job, "queued", j.EnqueuedAt, null);
        }
        foreach (var (id, j) in api.ProcessingJobs(0, Scanned)) Add(id, j.Job, "running", j.StartedAt, null);
        foreach (var (id, j) in api.ScheduledJobs(0, Scanned)) Add(id, j.Job, "waiting to retry", j.EnqueueAt, null);
        foreach (var (id, j) in api.SucceededJobs(0, Scanned)) Add(id, j.Job, "done", j.SucceededAt, ResultText(j.Result));
        foreach (var (id, j) in api.FailedJobs(0, Scanned)) Add(id, j.Job, "failed", j.FailedAt, j.ExceptionMessage);
        return rows.OrderByDescending(r => long.TryParse(r.JobId, out var n) ? n : 0).ThenByDescending(r => r.At).Take(take).ToList();
    }

    /// <summary>Hangfire keeps a job's return value as JSON text.</summary>
    private static string? ResultText(object? result)
    {
        if (result is not string s) return result?.ToString();
        try
        {
            return JsonSerializer.Deserialize<string>(s) ?? s;
        }
        catch (JsonException)
        {
            return s;
        }
    }
}
