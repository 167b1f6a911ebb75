namespace OutcomesLab.Domain;

/// <summary>A computed, suppressed run before it has an id.</summary>
public sealed record AggregateRunContent(
    DateTimeOffset CreatedAt, int MinCell, string CatalogFingerprint, long Episodes, long EpisodeOutcomes,
    IReadOnlyList<(string ContentHash, string Name)> Batches,
    IReadOnlyList<AggregateRow> Aggregates, IReadOnlyList<TrajectoryRow> Trajectories, IReadOnlyList<TrendRow> Trends);
