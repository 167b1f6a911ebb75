using System.Collections.Concurrent;
using OutcomesLab.Presentation.Charts;

namespace OutcomesLab.Reporting.Charts;

/// <summary>
/// Renders many charts into one folder, in parallel (each ScottPlot figure is independent; the
/// embedded typeface is shared read-only). A job whose recipe has nothing publishable yields no file.
/// </summary>
public static class ChartBatch
{
    public static IReadOnlyDictionary<string, RenderedChart?> Render(ChartContext context, IEnumerable<ChartJob> jobs, string folder,
        int? maxParallelism = null, CancellationToken ct = default)
    {
        ChartFont.EnsureRegistered();
        Directory.CreateDirectory(folder);
        var results = new ConcurrentDictionary<string, RenderedChart?>(StringComparer.Ordinal);
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism ?? Environment.ProcessorCount, CancellationToken = ct };
        Parallel.ForEach(jobs, options, job =>
        {
            using var plan = job.Recipe.Plan(context, job.Subject);
            results[job.Stem] = plan is null ? null : ChartRenderer.Write(plan, folder, job.Stem);
        });
        return results;
    }
}
