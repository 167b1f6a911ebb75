namespace OutcomesLab.Storage.Reading;

/// <summary>What one <see cref="AggregateInput"/> read covered: the batches in the store and its episode count, from the same snapshot.</summary>
public sealed record AggregateCoverage(IReadOnlyList<(string ContentHash, string Name)> Batches, long Episodes);
