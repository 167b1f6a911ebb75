using OutcomesLab.Analytics;
using OutcomesLab.Domain;
using OutcomesLab.Ingest;
using OutcomesLab.Storage;
using Spectre.Console;
using OutcomesLab.Configuration;

namespace OutcomesLab.Cli;

/// <summary>The pipeline stages as the CLI runs them: open what the settings name, call the stage, print its result.</summary>
public static class Pipeline
{
    public static async Task<PullSummary> IngestAsync(OutcomesLabSettings settings, string dropFolder, CancellationToken ct)
    {
        if (!Directory.Exists(dropFolder)) throw new UserErrorException($"drop folder '{dropFolder}' does not exist");
        var catalog = StoreContext.LoadCatalog(settings);
        // The key first: a key is generated only for a store that does not exist yet.
        var key = StoreContext.LoadKey(settings, StoreLocation.Parse(settings.Store));
        await using var store = await StoreContext.OpenStoreAsync(settings, ct);
        var ingestor = new Ingestor(store, new GateOptions(catalog, settings.IgnoredColumns), key, TimeProvider.System);
        var summary = await WithProgress(p => ingestor.PullAsync(dropFolder, p, ct));
        SummaryPrinter.Print(summary);
        return summary;
    }

    /// <summary>The aggregate stage with the settings' min_cell; writes the CSV files into <paramref name="outDir"/>.</summary>
    public static async Task<AggregateRun> AggregateAsync(OutcomesLabSettings settings, string outDir, CancellationToken ct)
    {
        await using var store = await StoreContext.OpenStoreAsync(settings, ct);
        var run = await AggregateStage.RunAsync(store, StoreContext.LoadCatalog(settings), settings.MinCell, outDir, TimeProvider.System, ct);
        Terminal.Out.Say(
            $"   aggregate run #{run.RunId}: {run.Aggregates.Count:N0} group rows ({run.Aggregates.Count(r => r.Suppressed):N0} suppressed below min_cell {run.MinCell})");
        return run;
    }

    private static async Task<PullSummary> WithProgress(Func<IProgress<IngestProgress>, Task<PullSummary>> run)
    {
        if (!Terminal.Out.Profile.Capabilities.Interactive) return await run(new SynchronousProgress<IngestProgress>(_ => { }));
        PullSummary? result = null;
        await Terminal.Out.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("ingest", maxValue: 1);
                var reporter = new SynchronousProgress<IngestProgress>(p =>
                {
                    task.Description = $"batch {p.BatchIndex + 1}/{p.BatchCount} {Terminal.Escape(p.Batch)}";
                    task.Value = (p.BatchIndex + (p.BytesTotal == 0 ? 1.0 : Math.Min(1.0, (double)p.BytesRead / p.BytesTotal))) / Math.Max(1, p.BatchCount);
                });
                result = await run(reporter);
                task.Value = 1;
            });
        return result!;
    }

    /// <summary>Progress that reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool and can arrive late).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
