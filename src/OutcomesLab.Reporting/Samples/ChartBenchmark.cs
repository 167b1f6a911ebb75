using System.Diagnostics;
using OutcomesLab.Domain;
using OutcomesLab.Reporting.Charts;
using OutcomesLab.Reporting.Report;

namespace OutcomesLab.Reporting.Samples;

/// <summary>
/// Times the rendering of every chart of the director report (each as PNG and SVG) for a sample run
/// of a catalog — with the default catalog, 13 concerns × 4 instruments × 4 charts plus the
/// overview charts. Not a unit test: a figure for a person to read.
/// </summary>
public static class ChartBenchmark
{
    public static ChartBenchmarkResult Run(Catalog catalog, string folder, int? maxParallelism = null, CancellationToken ct = default)
    {
        var run = SampleAggregateRun.Create(catalog, seed: 1);
        var context = new ChartContext(run, new ReportNames(catalog));
        var instruments = DirectorReport.InstrumentsOf(run, catalog);
        var concerns = catalog.PresentingConcerns.ToList();
        var jobs = DirectorReport.Jobs(instruments, concerns).ToList();

        // Warm-up outside the clock: JIT, font registration, Skia's first surfaces.
        var warmFolder = Path.Combine(folder, "warm-up");
        ChartBatch.Render(context, jobs.GroupBy(j => j.Recipe.Name).Select(g => g.First()), warmFolder, 1, ct);
        Directory.Delete(warmFolder, recursive: true);

        // CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var charts = ChartBatch.Render(context, jobs, Path.Combine(folder, "charts"), maxParallelism, ct);
        clock.Stop();
        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;
        var rendered = charts.Values.Count(c => c is not null);
        return new ChartBenchmarkResult(rendered, jobs.Count - rendered, instruments.Count, concerns.Count, clock.Elapsed, cpu,
            maxParallelism ?? Environment.ProcessorCount);
    }
}

/// <summary>How many charts were rendered (each PNG + SVG), how many had nothing to show, and how long it took (wall and CPU).</summary>
public sealed record ChartBenchmarkResult(int Charts, int Empty, int Instruments, int Concerns, TimeSpan Elapsed, TimeSpan CpuTime, int Threads)
{
    public double ChartsPerSecond => Charts / Elapsed.TotalSeconds;

    /// <summary>CPU milliseconds per chart: what one chart costs, whatever else the machine is doing.</summary>
    public double CpuMillisecondsPerChart => CpuTime.TotalMilliseconds / Math.Max(1, Charts);

    /// <summary>Charts per second the threads would reach with the cores to themselves.</summary>
    public double ChartsPerSecondUnloaded => Threads * 1000 / CpuMillisecondsPerChart;
}
