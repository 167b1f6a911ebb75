using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Npgsql;
using OutcomesLab.Storage;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Scheduling;

/// <summary>
/// Hangfire's storage for a store: SQLite — a file of its own beside the store (Hangfire.Storage.SQLite
/// takes a path, not a connection string); PostgreSQL — schema <c>hangfire</c> in the store's own
/// database, so every worker that can reach the store shares the queue.
/// </summary>
public static class JobStorageFactory
{
    public const string PostgresSchema = "hangfire";
    // Any constant distinct from the store's write lock (sql/postgres/Store_LockWrite.sql).
    private const long SchemaInstallLock = 7243005;

    /// <summary>The Hangfire database file of a SQLite store: OutcomesLab:Jobs:Storage, else beside the store.</summary>
    public static string SqlitePath(OutcomesLabSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.Jobs.Storage)) return Path.GetFullPath(settings.Jobs.Storage);
        var store = StoreLocation.Parse(settings.Store).Value;
        return Path.Combine(Path.GetDirectoryName(store) ?? ".", Path.GetFileNameWithoutExtension(store) + ".hangfire.db");
    }

    public static async Task<JobStorage> CreateAsync(OutcomesLabSettings settings, CancellationToken ct)
    {
        var location = StoreLocation.Parse(settings.Store);
        var jobs = settings.Jobs;
        if (location.Dialect == Dialect.Sqlite)
        {
            var path = SqlitePath(settings);
            CreateOwnerOnly(path);
            return new SQLiteStorage(path, new SQLiteStorageOptions
            {
                QueuePollInterval = TimeSpan.FromSeconds(jobs.PollIntervalSeconds),
                InvisibilityTimeout = TimeSpan.FromSeconds(jobs.InvisibilityTimeoutSeconds),
                DistributedLockLifetime = TimeSpan.FromSeconds(Math.Min(jobs.LockTimeoutSeconds, 30)),
            });
        }
        await InstallSchemaOnceAsync(location.Value, ct);
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = PostgresSchema,
            PrepareSchemaIfNecessary = false,
            QueuePollInterval = TimeSpan.FromSeconds(jobs.PollIntervalSeconds),
            InvisibilityTimeout = TimeSpan.FromSeconds(jobs.InvisibilityTimeoutSeconds),
            // A live worker heart-beats its fetched jobs, so a short invisibility timeout only affects dead ones.
            UseSlidingInvisibilityTimeout = true,
            DistributedLockTimeout = TimeSpan.FromSeconds(jobs.LockTimeoutSeconds),
            // LISTEN/NOTIFY: an enqueued job wakes idle workers at once instead of at the next poll.
            EnableLongPolling = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(location.Value, options), options);
    }

    /// <summary>
    /// Job arguments hold export purposes and user names: the file is created owner-only (0600), empty,
    /// before SQLite opens it (its journal files copy the database file's mode). An existing file keeps its mode.
    /// </summary>
    private static void CreateOwnerOnly(string path)
    {
        if (File.Exists(path)) return;
        try
        {
            using var _ = new FileStream(path, new FileStreamOptions
            { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite });
        }
        catch (IOException) when (File.Exists(path))
        {
            // another host created it first
        }
    }

    /// <summary>
    /// Installs or upgrades the Hangfire schema under an advisory lock: workers starting together would
    /// otherwise race on CREATE (stack notes), logging errors and sometimes failing to start.
    /// </summary>
    private static async Task InstallSchemaOnceAsync(string connectionString, CancellationToken ct)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync(ct);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({SchemaInstallLock})", c))
            await lockCommand.ExecuteNonQueryAsync(ct);
        try
        {
            PostgreSqlObjectsInstaller.Install(c, PostgresSchema);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({SchemaInstallLock})", c);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
