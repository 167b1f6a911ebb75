namespace OutcomesLab.Analytics.Aggregation;

/// <summary>
/// <paramref name="Count"/> episodes of one instrument that share every attribute the figures group by
/// and the same baseline and final scores (what the store's GROUP BY returns; an in-memory episode is
/// a cell of count 1). <paramref name="Final"/> is null for an unpaired episode.
/// </summary>
public sealed record OutcomeCell(
    string Instrument, string PresentingConcern, string Approach, bool Completed, string IntakeMonth,
    double Baseline, double? Final, long Count);
