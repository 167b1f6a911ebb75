using System.Globalization;

namespace OutcomesLab.Domain;

/// <summary>
/// What <c>status</c> prints about the latest aggregate run: when, with which min_cell, how much it
/// covers, and whether batches arrived since (its figures are then behind the store).
/// </summary>
public sealed record AggregateRunSummary(
    long RunId, DateTimeOffset CreatedAt, int MinCell, int BatchesCovered, string? LatestBatch,
    long Episodes, int AggregateRows, int TrajectoryRows, int TrendRows, int SuppressedRows, long NewerBatches)
{
    public bool IsCurrent => NewerBatches == 0;

    /// <summary>The episode count as status shows counts: below min_cell only as "&lt;min_cell".</summary>
    public string EpisodesShown => Episodes > 0 && Episodes < MinCell
        ? string.Create(CultureInfo.InvariantCulture, $"<{MinCell}")
        : Episodes.ToString(CultureInfo.InvariantCulture);

    /// <summary>One line for a person, e.g. <c>aggregate run #3 at 2025-07-01 02:00Z (min_cell 11): 5 batches … up to date</c>.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"aggregate run #{RunId} at {CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z (min_cell {MinCell}): {BatchesCovered} batch{(BatchesCovered == 1 ? "" : "es")}"
        + $"{(LatestBatch is null ? "" : $" up to {LatestBatch}")}, {EpisodesShown} episodes, {AggregateRows} aggregate / {TrajectoryRows} trajectory / {TrendRows} trend rows"
        + $" ({SuppressedRows} suppressed); {(IsCurrent ? "up to date" : $"{NewerBatches} newer batch{(NewerBatches == 1 ? "" : "es")} not yet aggregated")}");
}
