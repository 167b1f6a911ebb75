using OutcomesLab.Quality.Report;

namespace OutcomesLab.Quality;

/// <summary>What a QI stage run did: the aggregate run its models were saved with (and whether it had to be computed first), the result and the files.</summary>
public sealed record QiReportOutcome(long AggregateRunId, bool RanAggregateStage, QiResult Result, QiReportFiles Files, IReadOnlyList<string> SavedModels);
