using System.Diagnostics;

namespace OutcomesLab.Benchmarks;

/// <summary>One measured stage: wall time and the peak working set of this process while it ran.</summary>
internal readonly record struct StageResult(TimeSpan Wall, long PeakWorkingSet);

/// <summary>
/// Times a stage and samples the process working set every 20 ms on a timer thread (Process.PeakWorkingSet64
/// is a high-water mark for the whole process, so it cannot separate stages). A full GC before the
/// stage keeps garbage of the previous stage out of its figure, and a sync(1) keeps the previous
/// stage's unwritten files off the disk while this one runs: otherwise a stage right after DuckDB's
/// load pays for writing back the peer's files.
/// </summary>
internal static class StageMeter
{
    public static async Task<(T Value, StageResult Result)> MeasureAsync<T>(Func<Task<T>> stage)
    {
        FlushFileSystems();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        long peak = 0;
        void Sample()
        {
            process.Refresh();
            var ws = process.WorkingSet64;
            long seen;
            while (ws > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, ws, seen) != seen) { }
        }
        Sample();
        using var timer = new Timer(_ => Sample(), null, 0, 20);
        var clock = Stopwatch.StartNew();
        var value = await stage();
        clock.Stop();
        await timer.DisposeAsync();
        Sample();
        return (value, new StageResult(clock.Elapsed, Interlocked.Read(ref peak)));
    }

    private static void FlushFileSystems()
    {
        using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false })
            ?? throw new InvalidOperationException("could not start sync");
        sync.WaitForExit();
    }
}
