using Dapper;
using OutcomesLab.Storage;
using static OutcomesLab.Ingest.Tests.TestDrop;

namespace OutcomesLab.Ingest.Tests;

/// <summary>The store, its WAL files and its generated key are readable by their owner only; a loose key file is named on stderr.</summary>
[Trait("Category", "EndToEnd")]
public class FileModeTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task A_new_store_its_wal_and_shm_and_its_generated_key_are_created_0600()
    {
        using var drop = new TestDrop();
        drop.Batch("b1", Episodes(Ep()));
        var store = Path.Combine(drop.Root, "s.db");

        var run = await BoundedCli.RunAsync(TimeSpan.FromMinutes(3), drop.Root, "ingest", drop.Path, "--store", store);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(store));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(store + ".key"));
        await using var s = await Store.OpenAsync(StoreLocation.Parse(store));
        await using var c = await s.ConnectAsync();
        await c.ExecuteAsync("INSERT INTO store_meta (key, value) VALUES ('mode-test', 'x')");
        foreach (var side in new[] { "-wal", "-shm" })
        {
            Assert.True(File.Exists(store + side), side);
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(store + side));
        }
    }

    [Fact]
    public async Task A_key_file_readable_by_others_gets_one_warning_line_on_stderr()
    {
        using var drop = new TestDrop();
        drop.Batch("b1", Episodes(Ep()));
        var key = Path.Combine(drop.Root, "k.key");
        await File.WriteAllTextAsync(key, Convert.ToBase64String(IngestHarness.KeyBytes));
        File.SetUnixFileMode(key, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var store = Path.Combine(drop.Root, "s.db");

        var loose = await BoundedCli.RunAsync(TimeSpan.FromMinutes(3), drop.Root, "ingest", drop.Path, "--store", store, "--key-file", key);

        Assert.True(loose.ExitCode == 0, loose.Output);
        var warnings = loose.Stderr.Split('\n').Where(l => l.Contains("readable or writable by group or others", StringComparison.Ordinal)).ToList();
        Assert.Single(warnings);
        Assert.StartsWith("warning: ", warnings[0], StringComparison.Ordinal);

        File.SetUnixFileMode(key, OwnerOnly);
        var tight = await BoundedCli.RunAsync(TimeSpan.FromMinutes(3), drop.Root, "ingest", drop.Path, "--store", store, "--key-file", key);
        Assert.DoesNotContain("readable or writable", tight.Output, StringComparison.Ordinal);
    }
}
