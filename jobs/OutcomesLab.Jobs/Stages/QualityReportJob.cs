using System.Globalization;
using Hangfire;
using Microsoft.Extensions.Logging;
using OutcomesLab.Jobs.Hosting;
using OutcomesLab.Quality;

namespace OutcomesLab.Jobs.Stages;

/// <summary>
/// The supervisors' QI report (the stage aggregates first when its latest run is behind the store),
/// published atomically as <c>run-N</c> of the aggregate run its models were saved with, under
/// OutcomesLab:Output/jobs/qi-report.
/// </summary>
public sealed class QualityReportJob(PipelineContext pipeline, ILogger<QualityReportJob> log)
{
    [JobDisplayName("QI report")]
    public async Task<string> RunAsync(CancellationToken ct)
    {
        QiReportOutcome? outcome = null;
        var folder = await PublishedFolder.PublishAsync(OutputLayout.QualityReports(pipeline.Settings), async dir =>
        {
            outcome = await QiReportStage.RunAsync(pipeline.Store, pipeline.Catalog, new QiOptions { MinCell = pipeline.Settings.MinCell }, dir, pipeline.Time, ct);
            return string.Create(CultureInfo.InvariantCulture, $"run-{outcome.AggregateRunId}");
        });
        var r = outcome!.Result;
        var result = string.Create(CultureInfo.InvariantCulture,
            $"QI report on aggregate run #{outcome.AggregateRunId}: {r.EpisodesTotal:N0} episodes, {r.Alerts.Count:N0} alert rows; published {folder}");
        log.LogInformation("{Result}", result);
        return result;
    }
}
