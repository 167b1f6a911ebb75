using OutcomesLab.Analytics;
using OutcomesLab.Domain;
using OutcomesLab.Quality.Persistence;
using OutcomesLab.Quality.Report;
using OutcomesLab.Storage;

namespace OutcomesLab.Quality;

/// <summary>
/// The QI pipeline stage (what <c>outcomeslab qi-report</c> and the weekly job call): makes sure an
/// aggregate run covers every stored batch (runs the aggregate stage when the latest run is behind
/// the store, or there is none), reads the store's read models, runs <see cref="QualityAnalysis"/>,
/// saves the fitted models with that aggregate run and writes the report folder.
/// </summary>
public static class QiReportStage
{
    public static async Task<QiReportOutcome> RunAsync(Store store, Catalog catalog, QiOptions options, string outDir, TimeProvider time,
        CancellationToken ct = default)
    {
        options.Validate();
        var latest = await AggregateRunRepository.LatestSummaryAsync(store, ct);
        long runId;
        var aggregated = false;
        if (latest is { IsCurrent: true }) runId = latest.RunId;
        else
        {
            runId = (await AggregateStage.RunAsync(store, catalog, options.MinCell, null, time, ct)).RunId;
            aggregated = true;
        }

        var episodes = await OutcomeReader.EpisodesAsync(store, ct).ToListAsync(ct);
        var outcomes = await OutcomeReader.EpisodeOutcomesAsync(store, catalog, ct).ToListAsync(ct);
        var administrations = await OutcomeReader.ScoredAdministrationsAsync(store, ct).ToListAsync(ct);
        var result = QualityAnalysis.Run(new QiInput(catalog, episodes, outcomes, administrations), options);

        var generatedAt = time.GetUtcNow();
        var models = QiModels.From(result);
        await QiModelRepository.SaveAsync(store, runId, models, generatedAt, ct);
        var files = QiReportWriter.Write(result, new QiReportContext(generatedAt, runId), outDir);
        return new QiReportOutcome(runId, aggregated, result, files, models.Select(m => m.Name).ToList());
    }
}
