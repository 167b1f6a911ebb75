using System.Diagnostics;
using Dapper;
using OutcomesLab.Storage;
using OutcomesLab.Synthetic;
using OutcomesLab.TestSupport;
using OutcomesLab.Privacy;

namespace OutcomesLab.Ingest.Tests;

/// <summary>A killed ingest and two ingests at once must leave exactly what one clean ingest leaves.</summary>
[Trait("Category", "EndToEnd")]
public class RecoveryTests
{
    private static async Task<string> CleanIngestDumpAsync(string drop, string keyFile, TempFolder folder)
    {
        var store = Path.Combine(folder.Path, "reference.db");
        var result = await CliProcess.RunAsync(folder.Path, "ingest", drop, "--store", store, "--key-file", keyFile);
        Assert.Equal(0, result.ExitCode);
        await using var s = await Store.OpenAsync(StoreLocation.Parse(store));
        return await IngestHarness.DumpAsync(s);
    }

    [Fact]
    public async Task An_ingest_killed_mid_batch_leaves_no_trace_and_the_next_pull_completes_it_exactly()
    {
        using var folder = new TempFolder();
        var drop = Path.Combine(folder.Path, "drop");
        SyntheticPractice.Write(drop, new SynthOptions { Episodes = 2500, Seed = 11 });
        var keyFile = folder.File("k.key");
        await File.WriteAllTextAsync(keyFile, Convert.ToBase64String(IngestHarness.KeyBytes));
        var store = folder.File("killed.db");
        await KillAfterFirstBatchAsync(folder, drop, store, keyFile);
        var location2 = StoreLocation.Parse(store);
        var committed = await CountBatches(location2);
        Assert.InRange(committed, 1, 7);
        await using (var s = await Store.OpenAsync(location2))
        await using (var c = await s.ConnectAsync())
        {
            // Nothing of the interrupted batch: its work tables were the dead connection's temp tables
            // (none in the store file), and every administration belongs to a done batch.
            Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'stage%'"));
            Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM administrations WHERE batch_name NOT IN (SELECT batch_name FROM batches)"));
            // A bulk pull builds the aggregate's read-order index at its end; this one had no end.
            Assert.Equal(0, await c.ExecuteScalarAsync<long>(ReadOrderIndexCount));
        }

        var resumed = await CliProcess.RunAsync(folder.Path, "ingest", drop, "--store", store, "--key-file", keyFile);
        Assert.True(resumed.ExitCode == 0, resumed.Output);
        await using var resumedStore = await Store.OpenAsync(StoreLocation.Parse(store));
        Assert.Equal(await CleanIngestDumpAsync(drop, keyFile, folder), await IngestHarness.DumpAsync(resumedStore));
        await using var check = await resumedStore.ConnectAsync();
        Assert.Equal(1, await check.ExecuteScalarAsync<long>(ReadOrderIndexCount));
        Assert.Equal("ok", await check.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
    }

    /// <summary>Starts a real ingest, waits until its first batch is done, then kills it while the next one is in its transaction.</summary>
    private static async Task KillAfterFirstBatchAsync(TempFolder folder, string drop, string store, string keyFile)
    {
        using var process = Process.Start(CliProcess.StartInfo(folder.Path, "ingest", drop, "--store", store, "--key-file", keyFile))!;
        var location = StoreLocation.Parse(store);
        var deadline = DateTime.UtcNow.AddMinutes(5);
        long done = 0;
        while (done < 1 && DateTime.UtcNow < deadline && !process.HasExited)
        {
            await Task.Delay(50);
            done = await CountBatches(location);
        }
        Assert.False(process.HasExited, "the ingest finished before it could be killed; make the drop bigger");
        process.Kill(entireProcessTree: true); // SIGKILL: no cleanup runs
        await process.WaitForExitAsync();
    }

    [Fact]
    public async Task After_a_killed_ingest_aggregate_and_status_read_the_store_and_the_pull_shows_as_died()
    {
        using var folder = new TempFolder();
        var drop = Path.Combine(folder.Path, "drop");
        SyntheticPractice.Write(drop, new SynthOptions { Episodes = 2500, Seed = 12 });
        var keyFile = folder.File("k.key");
        await File.WriteAllTextAsync(keyFile, Convert.ToBase64String(IngestHarness.KeyBytes));
        var store = folder.File("killed.db");
        await KillAfterFirstBatchAsync(folder, drop, store, keyFile);
        await using (var s = await Store.OpenAsync(StoreLocation.Parse(store)))
        await using (var c = await s.ConnectAsync())
        {
            // The killed pull had dropped the read-order index for its end, which never came.
            Assert.Equal(0, await c.ExecuteScalarAsync<long>(ReadOrderIndexCount));
            Assert.Equal("running", await c.ExecuteScalarAsync<string>("SELECT status FROM pulls"));
        }

        var aggregate = await CliProcess.RunAsync(folder.Path, "aggregate", "--out", folder.File("out"), "--store", store);
        Assert.True(aggregate.ExitCode == 0, aggregate.Output);
        Assert.True(File.Exists(Path.Combine(folder.File("out"), "aggregates.csv")));
        var status = await CliProcess.RunAsync(folder.Path, "status", "--store", store);
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Matches(@"last pull\s+#1 died", status.Output);

        // The next pull records it as died for good, and completes what it left.
        var next = await CliProcess.RunAsync(folder.Path, "ingest", drop, "--store", store, "--key-file", keyFile);
        Assert.True(next.ExitCode == 0, next.Output);
        await using var after = await Store.OpenAsync(StoreLocation.Parse(store));
        await using var check = await after.ConnectAsync();
        Assert.Equal("died", await check.ExecuteScalarAsync<string>("SELECT status FROM pulls WHERE pull_id = 1"));
        Assert.Equal("done", await check.ExecuteScalarAsync<string>("SELECT status FROM pulls WHERE pull_id = 2"));
        Assert.Equal(1, await check.ExecuteScalarAsync<long>(ReadOrderIndexCount));
    }

    private const string ReadOrderIndexCount = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'ix_administrations_valid_order'";

    private static async Task<long> CountBatches(StoreLocation location)
    {
        if (!File.Exists(location.Value)) return 0;
        try
        {
            using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={location.Value};Mode=ReadOnly");
            await c.OpenAsync();
            return await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM batches");
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // not migrated yet
        }
    }

    [SkippableTheory, MemberData(nameof(TestStores.Dialects), MemberType = typeof(TestStores))]
    public async Task Two_ingests_of_one_drop_at_once_ingest_every_batch_exactly_once(Dialect dialect)
    {
        using var folder = new TempFolder();
        var drop = Path.Combine(folder.Path, "drop");
        SyntheticPractice.Write(drop, new SynthOptions { Episodes = 400, Seed = 5 });
        var location = TestStores.NewLocation(dialect, folder);
        await using var storeA = await Store.OpenAsync(location);
        await using var storeB = await Store.OpenAsync(location);
        var key = PseudonymKey.FromBytes(IngestHarness.KeyBytes);
        var a = new Ingestor(storeA, GateOptions.Default, key, TimeProvider.System).PullAsync(drop);
        var b = new Ingestor(storeB, GateOptions.Default, key, TimeProvider.System).PullAsync(drop);
        var results = await Task.WhenAll(a, b);
        Assert.Equal(8, results.Sum(r => r.BatchesNew));
        Assert.Equal(8, results.Sum(r => r.BatchesSeen));

        await using var single = await IngestHarness.CreateAsync(Dialect.Sqlite);
        await single.PullAsync(drop);
        Assert.Equal(await single.DumpAsync(), await IngestHarness.DumpAsync(storeA));
    }
}
