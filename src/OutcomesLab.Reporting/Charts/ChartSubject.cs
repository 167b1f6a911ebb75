using OutcomesLab.Domain;

namespace OutcomesLab.Reporting.Charts;

/// <summary>What one chart shows: an instrument, and a presenting concern (null for the overview charts).</summary>
public sealed record ChartSubject(Instrument Instrument, string? Concern);
