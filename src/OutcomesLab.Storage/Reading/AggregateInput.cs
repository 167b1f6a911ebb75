using System.Data.Common;
using Dapper;

namespace OutcomesLab.Storage.Reading;

/// <summary>
/// Streams the store's valid administrations, with their episodes' grouping attributes, into an
/// <see cref="IAdministrationSink"/> in the order it needs, inside one read snapshot that also gives
/// the batches covered and the episode count, so the figures and what they say they cover are the
/// same data even while a pull is writing. Memory stays that of one row: nothing is buffered,
/// nothing sorted (migration 0007's index gives the order). How a snapshot is taken and how the
/// rows are read differ by store: <see cref="SqliteAggregateInput"/>, <see cref="PostgresAggregateInput"/>.
/// </summary>
public abstract class AggregateInput
{
    private protected AggregateInput(Store store) => Store = store;

    private protected Store Store { get; }

    /// <summary>The reader for <paramref name="store"/>'s kind of store.</summary>
    public static AggregateInput For(Store store) =>
        store.Dialect == Dialect.Sqlite ? new SqliteAggregateInput(store) : new PostgresAggregateInput(store);

    /// <summary>Feeds every valid administration to <paramref name="sink"/> and returns what that read covered.</summary>
    public async Task<AggregateCoverage> ReadAsync(IAdministrationSink sink, CancellationToken ct = default)
    {
        await using var c = await Store.ConnectAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(Store.Sql["Aggregate_PrepareRead"], cancellationToken: ct));
        await using var snapshot = await BeginSnapshotAsync(c, ct);
        var batches = (await c.QueryAsync<(string, string)>(new CommandDefinition(Store.Sql["Batches_ListCovered"], transaction: snapshot, cancellationToken: ct))).ToList();
        var episodes = await c.ExecuteScalarAsync<long>(new CommandDefinition(Store.Sql["Episodes_Count"], transaction: snapshot, cancellationToken: ct));
        await FeedAsync(c, snapshot, sink, ct);
        await snapshot.CommitAsync(ct);
        return new AggregateCoverage(batches, episodes);
    }

    /// <summary>A read-only transaction whose statements all see one state of the store.</summary>
    private protected abstract Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken ct);

    private protected abstract Task FeedAsync(DbConnection connection, DbTransaction snapshot, IAdministrationSink sink, CancellationToken ct);
}
