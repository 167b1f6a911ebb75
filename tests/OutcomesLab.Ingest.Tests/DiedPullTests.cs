using System.Diagnostics;
using Dapper;
using Npgsql;
using OutcomesLab.Storage;
using OutcomesLab.Synthetic;
using OutcomesLab.TestSupport;
using OutcomesLab.Privacy;

namespace OutcomesLab.Ingest.Tests;

/// <summary>
/// A pull whose owner is gone shows as died. On SQLite the owner is a lock its process holds
/// (RecoveryTests kill a real one); on PostgreSQL it is the pull's session, which ends with its process.
/// </summary>
[Trait("Category", "EndToEnd")]
public class DiedPullTests
{
    [SkippableFact]
    public async Task An_ingest_killed_mid_pull_on_PostgreSQL_shows_as_died_and_the_next_pull_marks_it()
    {
        using var folder = new TempFolder();
        var location = TestStores.NewLocation(Dialect.Postgres, folder);
        var drop = Path.Combine(folder.Path, "drop");
        SyntheticPractice.Write(drop, new SynthOptions { Episodes = 2500, Seed = 13 });
        var keyFile = folder.File("k.key");
        await File.WriteAllTextAsync(keyFile, Convert.ToBase64String(IngestHarness.KeyBytes));

        using (var process = Process.Start(CliProcess.StartInfo(folder.Path, "ingest", drop, "--store", location.Value, "--key-file", keyFile))!)
        {
            var deadline = DateTime.UtcNow.AddMinutes(5);
            while (await CountBatchesAsync(location) < 1 && DateTime.UtcNow < deadline && !process.HasExited) await Task.Delay(50);
            Assert.False(process.HasExited, "the ingest finished before it could be killed; make the drop bigger");
            process.Kill(entireProcessTree: true); // SIGKILL: no cleanup runs
            await process.WaitForExitAsync();
        }

        await using var store = await Store.OpenAsync(location);
        // The server notices the closed socket at once, but give its session a moment to go.
        StoreStatus.Pull pull;
        var until = DateTime.UtcNow.AddSeconds(30);
        do
        {
            pull = Assert.Single(await StoreStatus.LatestPullsAsync(store, 10));
            if (pull.Status == StoreStatus.Died) break;
            await Task.Delay(200);
        } while (DateTime.UtcNow < until);
        Assert.Equal(StoreStatus.Died, pull.Status);
        Assert.Equal(StoreStatus.Died, (await StoreStatus.PullAsync(store, pull.PullId))!.Status);

        var next = await new Ingestor(store, GateOptions.Default, PseudonymKey.Load(keyFile), TimeProvider.System).PullAsync(drop);
        Assert.True(next.BatchesSeen >= 1);
        await using var c = await store.ConnectAsync();
        Assert.Equal(["died", "done"], await c.QueryAsync<string>("SELECT status FROM pulls ORDER BY pull_id"));
    }

    private static async Task<long> CountBatchesAsync(StoreLocation location)
    {
        try
        {
            await using var c = new NpgsqlConnection(location.Value);
            await c.OpenAsync();
            return await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM batches");
        }
        catch (PostgresException)
        {
            return 0; // not migrated yet
        }
    }
}
