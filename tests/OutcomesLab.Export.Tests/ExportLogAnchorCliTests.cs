using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using OutcomesLab.Export.Audit;
using OutcomesLab.TestSupport;
using Xunit;

namespace OutcomesLab.Export.Tests;

/// <summary>
/// Someone with write access to the store rewrites the export log so that its own chain still verifies —
/// the newest entry deleted, or an entry edited and every hash after it recomputed. `outcomeslab export log`
/// must catch both against the anchor kept outside the store, and no further export may be made.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ExportLogAnchorCliTests
{
    private sealed record Row(long EntryId, string ExportId, string CreatedAt, string Purpose, string UserName, string Parameters, string Files,
        string Risk, string? LinkedExportId, string PreviousHash, string EntryHash);

    private static async Task<(TempFolder Folder, string Store, string FirstExport)> TwoExportsAsync()
    {
        var folder = new TempFolder();
        var store = folder.File("practice.db");
        var drop = folder.File("drop");
        Assert.Equal(0, (await CliProcess.RunAsync(folder.Path, "synth", "--out", drop, "--episodes", "1200", "--seed", "7")).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(folder.Path, "ingest", drop, "--store", store)).ExitCode);
        var first = await CliProcess.RunAsync(folder.Path, "export", "--store", store, "--out", folder.File("one"), "--purpose", "anchor test one");
        Assert.True(first.ExitCode == 0, first.Output);
        var second = await CliProcess.RunAsync(folder.Path, "export", "--store", store, "--out", folder.File("two"), "--purpose", "anchor test two");
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.True(File.Exists(store + ".key" + ExportLogAnchor.DefaultSuffix));
        var intact = await CliProcess.RunAsync(folder.Path, "export", "log", "--store", store);
        Assert.True(intact.ExitCode == 0, intact.Output);
        Assert.Contains("chain intact: 2 entries", intact.Output, StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.File("one"), "manifest.json")));
        return (folder, store, manifest.RootElement.GetProperty("export_id").GetString()!);
    }

    private static SqliteConnection Open(string store) => new($"Data Source={store};Pooling=false");

    [Fact]
    public async Task Deleting_the_newest_entry_is_caught()
    {
        var (folder, store, _) = await TwoExportsAsync();
        using var _ = folder;
        await using (var c = Open(store))
        {
            await c.ExecuteAsync("DROP TRIGGER export_log_no_delete; DELETE FROM export_log WHERE entry_id = 2;");
        }
        var log = await CliProcess.RunAsync(folder.Path, "export", "log", "--store", store);
        Assert.Equal(3, log.ExitCode);
        Assert.Contains("entry 2", log.Output, StringComparison.Ordinal);
        Assert.Contains("removed", log.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("chain intact", log.Output, StringComparison.Ordinal);

        var refused = await CliProcess.RunAsync(folder.Path, "export", "--store", store, "--out", folder.File("three"), "--purpose", "after tampering");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("export log does not verify", refused.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("three")));
    }

    [Fact]
    public async Task An_edited_entry_with_its_chain_recomputed_is_caught()
    {
        var (folder, store, firstExport) = await TwoExportsAsync();
        using var _ = folder;
        await using (var c = Open(store))
        {
            await c.ExecuteAsync("DROP TRIGGER export_log_no_update;");
            var rows = (await c.QueryAsync<Row>(
                "SELECT entry_id AS EntryId, export_id AS ExportId, created_at AS CreatedAt, purpose AS Purpose, user_name AS UserName, " +
                "parameters AS Parameters, files AS Files, risk AS Risk, linked_export_id AS LinkedExportId, previous_hash AS PreviousHash, " +
                "entry_hash AS EntryHash FROM export_log ORDER BY entry_id")).ToList();
            var previous = ExportLogHash.Genesis;
            foreach (var r in rows)
            {
                var purpose = r.EntryId == 1 ? "nothing to see here" : r.Purpose;
                var hash = ExportLogHash.Compute(r.ExportId, r.CreatedAt, purpose, r.UserName, r.Parameters, r.Files, r.Risk, r.LinkedExportId, previous);
                await c.ExecuteAsync("UPDATE export_log SET purpose = @purpose, previous_hash = @previous, entry_hash = @hash WHERE entry_id = @id",
                    new { purpose, previous, hash, id = r.EntryId });
                previous = hash;
            }
        }
        var entries = await ListAsync(store);
        Assert.True(ExportLog.Verify(entries).Intact, "the forged chain must verify on its own, or this test proves nothing");

        var log = await CliProcess.RunAsync(folder.Path, "export", "log", "--store", store);
        Assert.Equal(3, log.ExitCode);
        Assert.Contains("entry 1", log.Output, StringComparison.Ordinal);
        Assert.Contains("rewritten", log.Output, StringComparison.Ordinal);

        // The second export's manifest witnesses the head it found, which the forged log no longer has.
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.File("two"), "manifest.json")));
        var head = manifest.RootElement.GetProperty("export_log");
        Assert.Equal(1, head.GetProperty("entries_before").GetInt32());
        Assert.NotEqual(entries[0].EntryHash, head.GetProperty("head_before").GetString());
        Assert.Equal(firstExport, entries[0].ExportId);

        var refused = await CliProcess.RunAsync(folder.Path, "export", "--store", store, "--out", folder.File("three"), "--purpose", "after tampering");
        Assert.Equal(2, refused.ExitCode);
    }

    private static async Task<IReadOnlyList<ExportLogEntry>> ListAsync(string store)
    {
        await using var s = await OutcomesLab.Storage.Store.OpenAsync(OutcomesLab.Storage.StoreLocation.Parse(store));
        return await new ExportLog(s).ListAsync(CancellationToken.None);
    }
}
