using System.Data.Common;
using Microsoft.Data.Sqlite;
using OutcomesLab.Analytics.Aggregation;
using OutcomesLab.Storage;

namespace OutcomesLab.Analytics;

/// <summary>
/// Streams the store's valid administrations, with their episodes' grouping attributes, into an
/// <see cref="OutcomePass"/> in the order it needs, inside the caller's read snapshot. Memory stays
/// that of one row: nothing is buffered, nothing sorted (migration 0007's index gives the order).
/// SQLite merges two ordered reads on one connection (episodes, administrations) on episode_ref;
/// PostgreSQL, which cannot stream two result sets on one connection, joins on the server.
/// </summary>
internal static class AggregateInput
{
    public static Task FeedAsync(Store store, DbConnection c, DbTransaction tx, OutcomePass pass, CancellationToken ct)
    {
        if (c is not SqliteConnection sqlite) return FeedJoinedAsync(store, c, tx, pass, ct);
        // Microsoft.Data.Sqlite's async reads are synchronous underneath: read synchronously, without a task per row.
        FeedMerged(store, sqlite, (SqliteTransaction)tx, pass, ct);
        return Task.CompletedTask;
    }

    /// <summary>
    /// SQLite: both reads come byte-wise ordered by episode_ref (ordinal in .NET for these ASCII
    /// pseudonyms; the order is checked, so a surprise fails loudly rather than mis-grouping). An
    /// administration whose episode is missing is skipped, as an inner join would skip it.
    /// </summary>
    private static void FeedMerged(Store store, SqliteConnection c, SqliteTransaction tx, OutcomePass pass, CancellationToken ct)
    {
        using var episodesCommand = Command(c, tx, store.Sql["Aggregate_Episodes"]);
        using var administrationsCommand = Command(c, tx, store.Sql["Aggregate_ValidAdministrations"]);
        using var episodes = episodesCommand.ExecuteReader();
        using var administrations = administrationsCommand.ExecuteReader();
        string? episodeRef = episodes.Read() ? episodes.GetString(0) : null; // the episodes cursor
        string? current = null; // the episode the pass is in
        string? previous = null;
        long rows = 0;
        while (administrations.Read())
        {
            if ((++rows & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
            var administrationEpisode = administrations.GetString(0);
            if (!string.Equals(administrationEpisode, previous, StringComparison.Ordinal))
            {
                if (previous is not null && string.CompareOrdinal(previous, administrationEpisode) > 0)
                    throw new InvalidDataException("administrations did not come in ordinal episode_ref order; the merge needs it");
                previous = administrationEpisode;
                while (episodeRef is not null && string.CompareOrdinal(episodeRef, administrationEpisode) < 0)
                {
                    var next = episodes.Read() ? episodes.GetString(0) : null;
                    if (next is not null && string.CompareOrdinal(episodeRef, next) >= 0)
                        throw new InvalidDataException("episodes did not come in ordinal episode_ref order; the merge needs it");
                    episodeRef = next;
                }
                current = administrationEpisode == episodeRef ? episodeRef : null;
                if (current is not null)
                    pass.BeginEpisode(episodes.GetString(1), episodes.GetString(2), episodes.GetString(3), episodes.GetString(4));
            }
            if (current is null) continue;
            pass.Add(administrations.GetString(1), administrations.GetInt32(2), administrations.GetDouble(3));
        }
        pass.Finish();
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction tx, string sql)
    {
        var command = c.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    /// <summary>PostgreSQL: one joined, ordered query; the episode's attributes are read when its rows begin.</summary>
    private static async Task FeedJoinedAsync(Store store, DbConnection c, DbTransaction tx, OutcomePass pass, CancellationToken ct)
    {
        await using var command = c.CreateCommand();
        command.Transaction = tx;
        command.CommandText = store.Sql["Aggregate_ValidAdministrationsWithEpisodes"];
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        string? current = null;
        while (await reader.ReadAsync(ct))
        {
            var episodeRef = reader.GetString(0);
            if (!string.Equals(episodeRef, current, StringComparison.Ordinal))
            {
                current = episodeRef;
                pass.BeginEpisode(reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7));
            }
            pass.Add(reader.GetString(1), reader.GetInt32(2), reader.GetDouble(3));
        }
        pass.Finish();
    }
}
