using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OutcomesLab.Storage;

/// <summary>
/// The store: one code path through Dapper for SQLite and PostgreSQL. Statements whose text differs
/// live in sql/sqlite and sql/postgres (<see cref="SqlCatalog"/>); what differs beyond the text —
/// connection settings (here), bulk staging, locks, where key files live — branches on
/// <see cref="Dialect"/> in C#. Opening a store applies its pending migrations (recorded in
/// schema_migrations).
/// </summary>
public sealed class Store : IAsyncDisposable
{
    private readonly NpgsqlDataSource? postgres;
    private readonly string? sqliteConnectionString;

    public StoreLocation Location { get; }
    public Dialect Dialect => Location.Dialect;
    public SqlCatalog Sql { get; }

    /// <summary>Opened by <see cref="OpenReadOnlyAsync"/>: nothing is migrated or written.</summary>
    private bool ReadOnly { get; }

    private Store(StoreLocation location, bool readOnly = false, bool immutable = false)
    {
        Location = location;
        ReadOnly = readOnly;
        Sql = new SqlCatalog(location.Dialect);
        if (location.Dialect == Dialect.Postgres)
        {
            postgres = NpgsqlDataSource.Create(location.Value);
        }
        else
        {
            sqliteConnectionString = new SqliteConnectionStringBuilder
            {
                // A file nobody may write cannot get the shared-memory index WAL readers need, so a reader
                // that cannot create it reads the file as immutable (it then ignores a WAL left behind).
                DataSource = immutable ? new Uri(location.Value).AbsoluteUri + "?immutable=1" : location.Value,
                Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
                // A second writer waits for the first (busy timeout) instead of failing at once.
                DefaultTimeout = 600,
                Pooling = true,
            }.ToString();
        }
    }

    /// <summary>Opens (creating when needed) and migrates a store. Errors name the store, never a password.</summary>
    public static async Task<Store> OpenAsync(StoreLocation location, CancellationToken ct = default)
    {
        location.EnsureFolderExists();
        if (location.Dialect == Dialect.Sqlite) CreateOwnerOnly(location.Value);
        var store = new Store(location);
        try
        {
            await new Migrator(store).ApplyAsync(ct);
            return store;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException)
        {
            await store.DisposeAsync();
            throw new StoreException($"store '{location.Display}' cannot be opened: {FirstLine(e.Message)}", e);
        }
    }

    /// <summary>
    /// Opens an existing, fully migrated store for reading only (status, reports): it works on a store
    /// the user may not write, and never changes one. An older store is refused with what to run.
    /// </summary>
    public static async Task<Store> OpenReadOnlyAsync(StoreLocation location, CancellationToken ct = default)
    {
        location.EnsureFolderExists();
        if (location.Dialect == Dialect.Sqlite && !File.Exists(location.Value))
            throw new StoreException($"no store at '{location.Value}'");
        var store = new Store(location, readOnly: true);
        try
        {
            try
            {
                await store.CheckMigratedAsync(ct);
            }
            catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_READONLY or SQLitePCL.raw.SQLITE_CANTOPEN)
            {
                await store.DisposeAsync();
                store = new Store(location, readOnly: true, immutable: true);
                await store.CheckMigratedAsync(ct);
            }
            return store;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException)
        {
            await store.DisposeAsync();
            throw new StoreException($"store '{location.Display}' cannot be read: {FirstLine(e.Message)}", e);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    private async Task CheckMigratedAsync(CancellationToken ct)
    {
        await using var c = await ConnectAsync(ct);
        var applied = (await c.QueryAsync<long>(Sql["Migrations_List"])).ToHashSet();
        if (Sql.Migrations().Any(m => !applied.Contains(m.Version)))
            throw new StoreException($"store '{Location.Display}' was written by an older version: run `outcomeslab ingest` or `outcomeslab aggregate` on it once (with write access) to upgrade it");
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();

    /// <summary>
    /// A new store file is made here, empty and readable by its owner only, before SQLite opens it:
    /// SQLite would make it with the process umask (often 0644), and gives its -wal and -shm files
    /// the main file's mode. An existing file keeps the mode its operator chose.
    /// </summary>
    private static void CreateOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows() || File.Exists(path)) return;
        try
        {
            using var _ = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"store '{path}' cannot be created: {(e is UnauthorizedAccessException ? "permission denied" : "the folder cannot be written")}", e);
        }
    }

    public async Task<DbConnection> ConnectAsync(CancellationToken ct = default)
    {
        if (postgres is not null) return await postgres.OpenConnectionAsync(ct);
        var c = new SqliteConnection(sqliteConnectionString);
        await c.OpenAsync(ct);
        // WAL lets readers (reports, status) run beside a writer; NORMAL is durable at commit in WAL mode.
        // Setting the journal mode is a write: a read-only connection reads in whatever mode the file is.
        if (!ReadOnly) await c.ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        await c.ExecuteAsync("PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;");
        return c;
    }

    /// <summary>
    /// A write transaction that serialises writers: SQLite BEGIN IMMEDIATE (a second writer waits on
    /// the busy timeout); PostgreSQL takes a transaction-scoped advisory lock.
    /// </summary>
    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct = default)
    {
        // SQLite: BEGIN IMMEDIATE by default; PostgreSQL: read committed plus the advisory lock below.
        var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Sql["Store_LockWrite"], transaction: tx, cancellationToken: ct, commandTimeout: 0));
        return tx;
    }

    public async ValueTask DisposeAsync()
    {
        if (postgres is not null) await postgres.DisposeAsync();
        if (sqliteConnectionString is not null) SqliteConnection.ClearAllPools();
    }
}
