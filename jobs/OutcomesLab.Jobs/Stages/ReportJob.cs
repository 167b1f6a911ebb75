using Hangfire;
using Microsoft.Extensions.Logging;
using OutcomesLab.Jobs.Hosting;
using OutcomesLab.Reporting.Report;
using OutcomesLab.Storage.Persistence;

namespace OutcomesLab.Jobs.Stages;

/// <summary>
/// The clinical director's report of the latest aggregate run, published atomically as
/// <c>run-N</c> under OutcomesLab:Output/jobs/director-report (what the web UI shows). Idempotent:
/// a run already published is not rendered again.
/// </summary>
public sealed class ReportJob(PipelineContext pipeline, ILogger<ReportJob> log)
{
    [JobDisplayName("director report")]
    public async Task<string> RunAsync(CancellationToken ct)
    {
        var run = await AggregateRunRepository.LatestAsync(pipeline.Store, ct)
            ?? throw new InvalidOperationException("the store holds no aggregate run yet: the aggregate job runs first");
        // As `outcomeslab report`: a run below the configured min_cell cannot be made safe by hiding more here.
        if (run.MinCell < pipeline.Settings.MinCell)
            throw new InvalidOperationException(
                $"aggregate run {run.RunId} was computed with min_cell {run.MinCell}, below the configured {pipeline.Settings.MinCell}: the aggregate job must run again");
        DirectorReportResult? written = null;
        var folder = PublishedFolder.Publish(OutputLayout.DirectorReports(pipeline.Settings), $"run-{run.RunId}",
            dir => written = DirectorReport.Write(run, pipeline.Catalog, dir, ct));
        var result = written is null
            ? $"director report of aggregate run #{run.RunId} was already published: {folder}"
            : $"director report of aggregate run #{run.RunId}: {written.Concerns} concerns, {written.Charts} charts, published {folder}";
        log.LogInformation("{Result}", result);
        return result;
    }
}
