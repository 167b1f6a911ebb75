namespace OutcomesLab.Domain;

// The published figures of an aggregate run, one record per CSV row of docs/contracts/metrics.md.
// Nullable numbers are figures that cannot be computed or are suppressed (written as empty cells).

public sealed record AggregateRow(
    string Instrument, string PresentingConcern, string Approach, string Population,
    long? NEpisodes, long? NPaired,
    double? BaselineMean, double? BaselineSd, double? FinalMean, double? FinalSd,
    double? ChangeMean, double? ChangeSd, double? RPrePost,
    double? EffectSizeG, double? GCiLow, double? GCiHigh,
    long? NReliablyImproved, double? PctReliablyImproved,
    long? NReliablyDeteriorated, double? PctReliablyDeteriorated,
    long? NClinicalBaseline, long? NRecovered, double? PctRecovered,
    long? NReliablyRecovered, double? PctReliablyRecovered,
    bool Suppressed);

public sealed record TrajectoryRow(
    string Instrument, string PresentingConcern, string Approach, int SessionNumber,
    long? N, double? Mean, double? Sd, double? CiLow, double? CiHigh, bool Suppressed);

/// <summary>Group figures by intake quarter (<c>2025-Q3</c>), population <c>all</c>.</summary>
public sealed record TrendRow(
    string Instrument, string PresentingConcern, string Approach, string IntakeQuarter,
    long? NPaired, double? EffectSizeG, double? GCiLow, double? GCiHigh, double? PctReliablyImproved,
    bool Suppressed);

/// <summary>A versioned, stored set of published figures: what reports and jobs read.</summary>
public sealed record AggregateRun(
    long RunId, DateTimeOffset CreatedAt, int MinCell, IReadOnlyList<string> Batches,
    IReadOnlyList<AggregateRow> Aggregates, IReadOnlyList<TrajectoryRow> Trajectories, IReadOnlyList<TrendRow> Trends);
