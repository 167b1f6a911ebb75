using Dapper;
using Microsoft.Data.Sqlite;
using OutcomesLab.Storage;
using OutcomesLab.Synthetic;
using OutcomesLab.TestSupport;

namespace OutcomesLab.Ingest.Tests;

/// <summary>
/// Migration 0009 (SQLite) moves the pseudonym → id map out of the administrations table into
/// administration_refs and rebuilds the table without its UNIQUE index. A store filled before it must
/// come out with every administration in the map and then ingest on exactly like a store that never
/// had the old shape.
/// </summary>
public class PseudonymMapMigrationTests
{
    [Fact]
    public async Task A_store_filled_before_the_map_is_migrated_and_ingests_on_like_one_filled_after()
    {
        using var folder = new TempFolder();
        var held = new HeldBackDrop(folder, new SynthOptions { Episodes = 600, Seed = 5 });
        var drop = held.Path;

        // The first seven batches, ingested by today's code, then copied into a store of the old
        // shape: migrations 0001–0008 exactly as they ran before 0009 existed.
        await using var today = await IngestHarness.CreateAsync(Dialect.Sqlite);
        await today.PullAsync(drop);
        var oldPath = folder.File("old.db");
        await WriteOldShapeCopyAsync(today.Store, oldPath);

        await using (var old = new SqliteConnection($"Data Source={oldPath};Pooling=false"))
        {
            await old.OpenAsync();
            Assert.Equal(1, await old.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_autoindex_administrations_1'"));
        }

        await using var migrated = await Store.OpenAsync(StoreLocation.Parse(oldPath));
        await using (var c = await migrated.ConnectAsync())
        {
            Assert.Equal(0, await c.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_autoindex_administrations_1'"));
            Assert.Equal(1, await c.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'ix_administrations_valid_order'"));
            Assert.Equal(["ok"], await c.QueryAsync<string>("PRAGMA integrity_check"));
        }
        await IngestHarness.AssertPseudonymMapAsync(migrated);
        Assert.Equal(await today.DumpAsync(), await IngestHarness.DumpAsync(migrated));

        // The last batch re-sends and corrects administrations of the earlier ones: found through the
        // migrated map, updated in place, none doubled.
        held.ReleaseLastBatch();
        var summary = await new Ingestor(migrated, today.Options, today.Key, TimeProvider.System).PullAsync(drop);
        Assert.Equal(1, summary.BatchesNew);
        Assert.True(summary.AnswersUpdated > 0, "the last batch corrects some stored answers");
        await IngestHarness.AssertPseudonymMapAsync(migrated);

        await using var once = await IngestHarness.CreateAsync(Dialect.Sqlite);
        await once.PullAsync(drop);
        Assert.Equal(await once.DumpAsync(), await IngestHarness.DumpAsync(migrated));
    }

    /// <summary>Copies every table of <paramref name="store"/> (the columns both shapes have) into a new file made by migrations 0001–0008 only.</summary>
    private static async Task WriteOldShapeCopyAsync(Store store, string path)
    {
        await using var c = new SqliteConnection($"Data Source={path};Pooling=false");
        await c.OpenAsync();
        await c.ExecuteAsync(store.Sql["Migrations_CreateTable"]);
        foreach (var (version, name, sql) in store.Sql.Migrations().Where(m => m.Version <= 8))
        {
            await c.ExecuteAsync(sql);
            await c.ExecuteAsync(store.Sql["Migrations_Record"], new { version, name, appliedAt = "2026-11-28T00:00:00Z" });
        }
        await c.ExecuteAsync("ATTACH DATABASE @path AS src", new { path = store.Location.Value });
        var tables = await c.QueryAsync<string>(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'");
        foreach (var table in tables)
        {
            // Columns both shapes have: later migrations add some (pulls.owner) and drop others (episodes.end_month).
            var today = (await c.QueryAsync<string>($"SELECT name FROM pragma_table_info('{table}', 'src')")).ToHashSet();
            var shared = string.Join(", ", (await c.QueryAsync<string>($"SELECT name FROM pragma_table_info('{table}', 'main')")).Where(today.Contains));
            await c.ExecuteAsync($"INSERT INTO main.{table} ({shared}) SELECT {shared} FROM src.{table}");
        }
        await c.ExecuteAsync("DETACH DATABASE src");
    }
}
