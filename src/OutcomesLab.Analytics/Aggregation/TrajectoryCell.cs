namespace OutcomesLab.Analytics.Aggregation;

/// <summary><paramref name="Count"/> valid administrations with the same keys, session number and score.</summary>
public sealed record TrajectoryCell(
    string Instrument, string PresentingConcern, string Approach, int SessionNumber, double Score, long Count);
