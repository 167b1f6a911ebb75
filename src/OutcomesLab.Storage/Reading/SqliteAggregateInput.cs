using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace OutcomesLab.Storage.Reading;

/// <summary>
/// SQLite merges two ordered reads on one connection (episodes, administrations) on episode_ref,
/// inside a deferred transaction (a WAL read snapshot from its first SELECT; it never blocks the
/// writer). Microsoft.Data.Sqlite's async reads are synchronous underneath: read synchronously,
/// without a task per row.
/// </summary>
internal sealed class SqliteAggregateInput(Store store) : AggregateInput(store)
{
    // A SQLite store's connections are SqliteConnections (Store.ConnectAsync).
    private protected override Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken ct) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    private protected override Task FeedAsync(DbConnection connection, DbTransaction snapshot, IAdministrationSink sink, CancellationToken ct)
    {
        FeedMerged((SqliteConnection)connection, (SqliteTransaction)snapshot, sink, ct);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Both reads come byte-wise ordered by episode_ref (ordinal in .NET for these ASCII
    /// pseudonyms; the order is checked, so a surprise fails loudly rather than mis-grouping). An
    /// administration whose episode is missing is skipped, as an inner join would skip it.
    /// </summary>
    private void FeedMerged(SqliteConnection c, SqliteTransaction tx, IAdministrationSink sink, CancellationToken ct)
    {
        using var episodesCommand = Command(c, tx, Store.Sql["Aggregate_Episodes"]);
        using var administrationsCommand = Command(c, tx, Store.Sql["Aggregate_ValidAdministrations"]);
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
                    sink.BeginEpisode(episodes.GetString(1), episodes.GetString(2), episodes.GetString(3), episodes.GetString(4));
            }
            if (current is null) continue;
            sink.Add(administrations.GetString(1), administrations.GetInt32(2), administrations.GetDouble(3));
        }
        sink.Finish();
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction tx, string sql)
    {
        var command = c.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }
}
