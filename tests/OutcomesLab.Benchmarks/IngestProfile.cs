using System.Diagnostics;
using OutcomesLab.Ingest;

namespace OutcomesLab.Benchmarks;

/// <summary>
/// Splits ingest wall time into staging (reading, gating and inserting CSV rows into the stage
/// tables) and merging (the set-based SQL from stage into the store, plus commit) from the ingest's
/// own progress reports: a batch's reports arrive while its files are staged (about every 256 KiB),
/// so the time from a batch's first report to its last is staging, and the gap from its last report
/// to the next batch's first (or the end) is mostly the merge. Approximate by up to 256 KiB of staging per batch.
/// </summary>
internal sealed class IngestProfile : IProgress<IngestProgress>
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<(int Batch, TimeSpan At)> reports = [];

    public void Report(IngestProgress value) => reports.Add((value.BatchIndex, clock.Elapsed));

    /// <summary>(staging, merging) after the ingest finished; call at its end.</summary>
    public (TimeSpan Staging, TimeSpan Merging) Split()
    {
        var end = clock.Elapsed;
        TimeSpan staging = TimeSpan.Zero, merging = TimeSpan.Zero;
        var batches = reports.GroupBy(r => r.Batch).OrderBy(g => g.Key).Select(g => (First: g.First().At, Last: g.Last().At)).ToList();
        for (var k = 0; k < batches.Count; k++)
        {
            staging += batches[k].Last - batches[k].First;
            merging += (k + 1 < batches.Count ? batches[k + 1].First : end) - batches[k].Last;
        }
        if (batches.Count > 0) staging += batches[0].First; // before the first report: opening files, first 256 KiB
        return (staging, merging);
    }
}
