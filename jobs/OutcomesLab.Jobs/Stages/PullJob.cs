using System.Globalization;
using Hangfire;
using Microsoft.Extensions.Logging;
using OutcomesLab.Ingest;
using OutcomesLab.Jobs.Hosting;

namespace OutcomesLab.Jobs.Stages;

/// <summary>
/// Pulls one configured drop folder through the gate. Idempotent by construction: the ingestor takes
/// batches one at a time, each in one transaction with its "done" mark, under the store's write lock,
/// and skips a batch whose content hash is already stored — so a retried, duplicated or interrupted
/// pull never ingests a batch twice. The <see cref="PullLock"/> keeps a second pull (of any source,
/// on any worker) waiting until this one is done.
/// </summary>
public sealed class PullJob(PipelineContext pipeline, ILogger<PullJob> log)
{
    /// <summary>How long a pull waits for another one to finish before it fails (and is retried).</summary>
    public const int WaitForRunningPullSeconds = 60 * 60;

    [JobDisplayName("pull {0}")]
    public async Task<string> RunAsync(string dropFolder, CancellationToken ct)
    {
        if (!Directory.Exists(dropFolder))
            throw new DirectoryNotFoundException($"source drop folder '{dropFolder}' does not exist or cannot be read; check OutcomesLab:Sources and the mount");
        await using var exclusive = await PullLock.AcquireAsync(pipeline.Store, TimeSpan.FromSeconds(WaitForRunningPullSeconds), ct);
        var ingestor = new Ingestor(pipeline.Store, new GateOptions(pipeline.Catalog, pipeline.Settings.IgnoredColumns), pipeline.Key, pipeline.Time);
        var summary = await ingestor.PullAsync(dropFolder, progress: null, ct);
        var result = Describe(summary);
        log.LogInformation("pull of {Source}: {Result}", dropFolder, result);

        return result;
    }

    /// <summary>The job's result on the dashboard: counts only, never a value from the data.</summary>
    public static string Describe(PullSummary s) => string.Create(CultureInfo.InvariantCulture,
        $"pull #{s.PullId}: {s.BatchesNew} new and {s.BatchesSeen} already ingested batches; {s.EpisodesStored:N0} episodes and {s.AnswersStored:N0} answers stored, {s.EpisodesUpdated:N0} and {s.AnswersUpdated:N0} updated; {s.RowsRefused:N0} rows and {s.FilesRefused} files refused");
}
