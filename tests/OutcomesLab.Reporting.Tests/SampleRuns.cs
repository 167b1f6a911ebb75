using OutcomesLab.Domain;
using OutcomesLab.Reporting.Samples;

namespace OutcomesLab.Reporting.Tests;

/// <summary>Fixed-seed aggregate runs built in memory, and helpers to build hand-made rows.</summary>
internal static class SampleRuns
{
    public const int Seed = 20250630;

    /// <summary>The full default catalog (13 concerns × 4 instruments), seeded.</summary>
    public static AggregateRun Full { get; } = SampleAggregateRun.Create(TestCatalog.Default, Seed);

    /// <summary>A smaller catalog (4 concerns) for the report tests, so they stay quick.</summary>
    public static Catalog Small { get; } = new(TestCatalog.Default.Instruments.Values, TestCatalog.Concerns.Take(4), TestCatalog.Approaches);

    public static AggregateRun SmallRun { get; } = SampleAggregateRun.Create(Small, Seed);

    public static AggregateRow Row(string instrument, string concern, string approach, string population, long nPaired,
        double g = 0.5, double ciHalf = 0.2, double pctImproved = 40, double pctDeteriorated = 5, bool suppressed = false) =>
        new(instrument, concern, approach, population, nPaired + 2, nPaired,
            30, 9, 36, 9.5, 6, 7, 0.6,
            g, g - ciHalf, g + ciHalf,
            (long)Math.Round(pctImproved * nPaired / 100), pctImproved, (long)Math.Round(pctDeteriorated * nPaired / 100), pctDeteriorated,
            nPaired / 2, nPaired / 4, 50, nPaired / 5, 40, suppressed);

    /// <summary>A suppressed row as docs/contracts/metrics.md publishes it: keys only.</summary>
    public static AggregateRow SuppressedRow(string instrument, string concern, string approach, string population) =>
        new(instrument, concern, approach, population, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, true);

    public static AggregateRun Run(IEnumerable<AggregateRow> aggregates, IEnumerable<TrajectoryRow>? trajectories = null,
        IEnumerable<TrendRow>? trends = null, int minCell = 11) =>
        new(42, new DateTimeOffset(2025, 7, 1, 2, 0, 0, TimeSpan.Zero), minCell, ["batch-a"],
            aggregates.ToList(), (trajectories ?? []).ToList(), (trends ?? []).ToList());
}
