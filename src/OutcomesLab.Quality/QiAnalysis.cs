using OutcomesLab.Quality.Report;

namespace OutcomesLab.Quality;

/// <summary>
/// A QI analysis of the store, ready to render: the aggregate run its models were saved with (and
/// whether it had to be computed first), the result, the report context and the saved model names.
/// The same run and options give the same analysis (seeded), so a job may name its output by run.
/// </summary>
public sealed record QiAnalysis(long AggregateRunId, bool RanAggregateStage, QiResult Result, QiReportContext Context, IReadOnlyList<string> SavedModels);
