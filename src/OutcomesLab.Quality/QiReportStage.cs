using OutcomesLab.Analytics;
using OutcomesLab.Domain;
using OutcomesLab.Quality.Persistence;
using OutcomesLab.Quality.Report;
using OutcomesLab.Storage.Persistence;
using OutcomesLab.Storage.Reading;
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
    /// <summary>Everything but the files: a job that publishes folders atomically renders them itself with <see cref="QiReportWriter.Write"/>.</summary>
    public static async Task<QiAnalysis> AnalyseAsync(Store store, Catalog catalog, QiOptions options, TimeProvider time, CancellationToken ct = default)
    {
        options.Validate();
        var latest = await AggregateRunRepository.LatestSummaryAsync(store, ct);
        long runId;
        var aggregated = false;
        if (latest is { IsCurrent: true }) runId = latest.RunId;
        else
        {
            // The new run becomes what the director report reads: never publish it with a smaller
            // min_cell than the run it replaces.
            var minCell = Math.Max(options.MinCell, latest?.MinCell ?? 0);
            runId = (await AggregateStage.RunAsync(store, catalog, minCell, null, time, ct)).RunId;
            aggregated = true;
        }

        var episodes = await OutcomeReader.EpisodesAsync(store, ct).ToListAsync(ct);
        var outcomes = await OutcomeReader.EpisodeOutcomesAsync(store, catalog, ct).ToListAsync(ct);
        var administrations = await OutcomeReader.ScoredAdministrationsAsync(store, ct).ToListAsync(ct);
        var result = QualityAnalysis.Run(new QiInput(catalog, episodes, outcomes, administrations), options);

        var generatedAt = time.GetUtcNow();
        var models = QiModels.From(result);
        await QiModelRepository.SaveAsync(store, runId, models, generatedAt, ct);
        return new QiAnalysis(runId, aggregated, result, new QiReportContext(generatedAt, runId), models.Select(m => m.Name).ToList());
    }

    /// <summary><see cref="AnalyseAsync"/>, then the report into <paramref name="outDir"/>.</summary>
    public static async Task<QiReportOutcome> RunAsync(Store store, Catalog catalog, QiOptions options, string outDir, TimeProvider time,
        CancellationToken ct = default)
    {
        outDir = OutputFolder.Prepare(outDir);
        var analysis = await AnalyseAsync(store, catalog, options, time, ct);
        var files = QiReportWriter.Write(analysis.Result, analysis.Context, outDir);
        return new QiReportOutcome(analysis.AggregateRunId, analysis.RanAggregateStage, analysis.Result, files, analysis.SavedModels);
    }
}
