using System.Globalization;
using Npgsql;
using OutcomesLab.Storage;

namespace OutcomesLab.Benchmarks;

/// <summary>A fresh, empty store for one measured run: a new SQLite file, or a new database on the given PostgreSQL server.</summary>
internal static class ScratchStores
{
    public static StoreLocation Sqlite(string folder) => StoreLocation.Parse(Path.Combine(folder, "bench.db"));

    public static async Task<(StoreLocation Location, Func<Task> Drop)> PostgresAsync(string server)
    {
        var name = "olbench_" + Guid.NewGuid().ToString("N")[..12].ToString(CultureInfo.InvariantCulture);
        await using (var c = new NpgsqlConnection(server))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            await cmd.ExecuteNonQueryAsync();
        }
        var location = StoreLocation.Parse(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
        return (location, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(server);
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", c);
            await cmd.ExecuteNonQueryAsync();
        });
    }
}
