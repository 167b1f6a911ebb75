using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace OutcomesLab.Analytics;

/// <summary>
/// A read-only transaction whose statements all see one state of the store, so an aggregate run's
/// figures and the batches it says it covers are the same data even while a pull is writing.
/// SQLite: a deferred transaction (a WAL read snapshot from its first SELECT; it never blocks the
/// writer). PostgreSQL: REPEATABLE READ (one snapshot for the whole transaction).
/// </summary>
internal static class ReadSnapshot
{
    public static async Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken ct) =>
        connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
}
