using Hangfire;
using Microsoft.Extensions.Logging;
using OutcomesLab.Analytics;
using OutcomesLab.Jobs.Hosting;
using OutcomesLab.Storage.Persistence;

namespace OutcomesLab.Jobs.Stages;

/// <summary>
/// The aggregate stage: outcome figures by concern × approach, small cells suppressed, saved as a new
/// versioned run, CSV files under OutcomesLab:Output/jobs/aggregates. Idempotent: when the latest run
/// already covers every stored batch at the configured min_cell, it does nothing.
/// </summary>
public sealed class AggregateJob(PipelineContext pipeline, ILogger<AggregateJob> log)
{
    [JobDisplayName("aggregate")]
    public async Task<string> RunAsync(CancellationToken ct)
    {
        var latest = await AggregateRunRepository.LatestSummaryAsync(pipeline.Store, ct);
        if (latest is { IsCurrent: true } && latest.MinCell == pipeline.Settings.MinCell)
            return $"nothing new: {latest.Describe()}";
        var run = await AggregateStage.RunAsync(pipeline.Store, pipeline.Catalog, pipeline.Settings.MinCell,
            OutputLayout.Aggregates(pipeline.Settings), pipeline.Time, ct);
        var summary = await AggregateRunRepository.LatestSummaryAsync(pipeline.Store, ct);
        var result = summary?.RunId == run.RunId ? summary.Describe() : $"aggregate run #{run.RunId}";
        log.LogInformation("{Result}", result);
        return result;
    }
}
