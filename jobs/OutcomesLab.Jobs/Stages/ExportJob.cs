using System.Globalization;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Logging;
using OutcomesLab.Export;
using OutcomesLab.Export.Packaging;
using OutcomesLab.Jobs.Hosting;

namespace OutcomesLab.Jobs.Stages;

/// <summary>
/// A research export, as <c>outcomeslab export</c> makes it (<see cref="ExportStage"/>), published
/// under OutcomesLab:Output/jobs/exports/&lt;export id&gt;: written to a hidden staging folder there and
/// moved into place in the same store transaction that appends the export log entry, with the user
/// who asked (a signed-in web user, or <c>job:export-N</c> for a scheduled one).
/// Idempotent: the Hangfire job id is logged as the request id, so a run of a job whose export was
/// already logged (a worker that died just after) reports that export instead of making another.
/// A refusal (targets that cannot be met, nothing written) fails the job once, without retries
/// (<see cref="Scheduling.RetryPolicy"/>).
/// </summary>
public sealed class ExportJob(PipelineContext pipeline, ILogger<ExportJob> log)
{
    [JobDisplayName("research export (k {1}) for {4}")]
    public async Task<string> RunAsync(string purpose, int k, bool items, bool withTherapist, string requestedBy, PerformContext? context, CancellationToken ct)
    {
        var requestId = context is null ? null : "hangfire:" + context.BackgroundJob.Id;
        if (requestId is not null && await ExportStage.FindByRequestAsync(pipeline.Store, requestId, ct) is { } earlier)
            return $"export {earlier.ExportId} was already made for this request ({requestId}); nothing new written";

        var root = OutputLayout.Exports(pipeline.Settings);
        ExportFiles.CreateFolder(root);
        var request = new ExportRequest(root, purpose, new ExportParameters(K: k, Items: items, WithTherapist: withTherapist),
            pipeline.Settings.MinCell, null, requestedBy) { NameFolderByExportId = true, RequestId = requestId };
        ExportReceipt receipt;
        try
        {
            receipt = await ExportStage.RunAsync(pipeline.Store, pipeline.Catalog, pipeline.Settings.KeyFile, pipeline.Settings.ExportLogAnchor, request,
                pipeline.Time, ct);
        }
        catch (ExportRefusedException e)
        {
            throw new ExportRefusedException($"research export refused: {e.Message}. Nothing was written", e);
        }
        var d = receipt.Manifest.Disclosure;
        var result = string.Create(CultureInfo.InvariantCulture,
            $"export {receipt.ExportId} for {requestedBy}: {receipt.Manifest.Counts.EpisodesReleased:N0} of {receipt.Manifest.Counts.EpisodesConsidered:N0} episodes, k {d.KAchieved} / ℓ {d.LAchieved} achieved, highest prosecutor risk {d.Risk.Highest:0.####}; log entry #{receipt.LogEntry.EntryId}; published {receipt.Folder}");
        log.LogInformation("{Result}", result);
        return result;
    }
}
