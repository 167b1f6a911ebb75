using System.Data.Common;
using Dapper;
using OutcomesLab.Storage;

namespace OutcomesLab.Jobs.Stages;

/// <summary>
/// "No two pulls at once" across every process sharing a store, held for the whole pull and released
/// by the operating system or the database when the holder dies: a PostgreSQL session advisory lock
/// on a connection of its own, or, for a SQLite store (one machine), an exclusive lock on a file
/// beside it. Hangfire's DisableConcurrentExecution is not enough here: Hangfire.PostgreSql does not
/// renew its locks, so a pull longer than the lock timeout lets a second one in, and a killed
/// worker's lock blocks every pull until it times out. Batches stay exact either way — the store's
/// write lock and content hashes see to that — this lock keeps pulls from interleaving.
/// </summary>
public sealed class PullLock : IAsyncDisposable
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(250);
    private readonly DbConnection? connection;
    private readonly Store? store;
    private readonly FileStream? file;

    private PullLock(Store store, DbConnection connection) { this.store = store; this.connection = connection; }

    private PullLock(FileStream file) => this.file = file;

    public static string SqliteLockFile(StoreLocation location) => location.Value + ".pull-lock";

    /// <summary>Waits for the lock; throws <see cref="TimeoutException"/> when another pull holds it longer than <paramref name="wait"/>.</summary>
    public static async Task<PullLock> AcquireAsync(Store store, TimeSpan wait, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            var held = store.Dialect == Dialect.Postgres ? await TryPostgresAsync(store, ct) : TryFile(store.Location);
            if (held is not null) return held;
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"another pull of this store has been running for longer than {wait.TotalMinutes:0} minutes; this one will be retried");
            await Task.Delay(Retry, ct);
        }
    }

    private static async Task<PullLock?> TryPostgresAsync(Store store, CancellationToken ct)
    {
        var c = await store.ConnectAsync(ct);
        try
        {
            if (await c.ExecuteScalarAsync<bool>(new CommandDefinition(store.Sql["PullLock_Try"], cancellationToken: ct))) return new PullLock(store, c);
        }
        catch
        {
            await c.DisposeAsync();
            throw;
        }
        await c.DisposeAsync();
        return null;
    }

    private static PullLock? TryFile(StoreLocation location)
    {
        try
        {
            // FileShare.None takes an exclusive flock on Unix, dropped by the kernel when the process ends.
            return new PullLock(new FileStream(SqliteLockFile(location), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            try
            {
                await connection.ExecuteScalarAsync<bool>(store!.Sql["PullLock_Release"]);
            }
            finally
            {
                // Closing the session would release the lock anyway; a pooled connection is reset on return.
                await connection.DisposeAsync();
            }
        }
        if (file is not null) await file.DisposeAsync();
    }
}
