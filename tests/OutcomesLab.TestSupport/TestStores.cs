using Npgsql;
using OutcomesLab.Storage;

namespace OutcomesLab.TestSupport;

/// <summary>
/// Real stores for tests: a fresh SQLite file in a temp folder, or a fresh database on the throwaway
/// PostgreSQL server that tests/run.sh starts (its connection string in OUTCOMESLAB_TEST_PG).
/// </summary>
public static class TestStores
{
    public const string PostgresVariable = "OUTCOMESLAB_TEST_PG";

    /// <summary>The server's connection string; a test on PostgreSQL is skipped (and counted) without one.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable);

    public static IEnumerable<object[]> Dialects() => [[Dialect.Sqlite], [Dialect.Postgres]];

    /// <summary>A new, empty store location of the dialect. Skips the calling test when PostgreSQL is not running.</summary>
    public static StoreLocation NewLocation(Dialect dialect, TempFolder folder)
    {
        if (dialect == Dialect.Sqlite) return StoreLocation.Parse(Path.Combine(folder.Path, "store.db"));
        var server = PostgresServer;
        Xunit.Skip.If(server is null, $"{PostgresVariable} is not set: run tests through tests/run.sh to include PostgreSQL");
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        using (var c = new NpgsqlConnection(server))
        {
            c.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            cmd.ExecuteNonQuery();
        }
        var b = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return StoreLocation.Parse(b.ConnectionString);
    }
}
