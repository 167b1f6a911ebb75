namespace OutcomesLab.Quality.Report;

/// <summary>What the report says about its own making: when, and which stored aggregate run its models belong to.</summary>
public sealed record QiReportContext(DateTimeOffset GeneratedAt, long? AggregateRunId);
