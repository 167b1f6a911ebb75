using System.Data;
using System.Data.Common;

namespace OutcomesLab.Storage.Reading;

/// <summary>
/// PostgreSQL, which cannot stream two result sets on one connection, joins on the server, inside
/// a REPEATABLE READ transaction (one snapshot for the whole transaction).
/// </summary>
internal sealed class PostgresAggregateInput(Store store) : AggregateInput(store)
{
    private protected override async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken ct) =>
        await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);

    /// <summary>One joined, ordered query; the episode's attributes are read when its rows begin.</summary>
    private protected override async Task FeedAsync(DbConnection c, DbTransaction tx, IAdministrationSink sink, CancellationToken ct)
    {
        await using var command = c.CreateCommand();
        command.Transaction = tx;
        command.CommandText = Store.Sql["Aggregate_ValidAdministrationsWithEpisodes"];
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        string? current = null;
        while (await reader.ReadAsync(ct))
        {
            var episodeRef = reader.GetString(0);
            if (!string.Equals(episodeRef, current, StringComparison.Ordinal))
            {
                current = episodeRef;
                sink.BeginEpisode(reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7));
            }
            sink.Add(reader.GetString(1), reader.GetInt32(2), reader.GetDouble(3));
        }
        sink.Finish();
    }
}
