using System.Security.Cryptography;
using System.Text;
using OutcomesLab.Storage;
using static OutcomesLab.Ingest.Tests.TestDrop;

namespace OutcomesLab.Ingest.Tests;

/// <summary>A batch hash is of the bytes the gate read: a file changed between hashing and reading never stores the original's hash.</summary>
public class SwappedFileTests
{
    private static string HashOf(string folder)
    {
        // The batch hash as DropBatch documents it: every file in name order, name, length, bytes.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(path);
            hash.AppendData(Encoding.UTF8.GetBytes($"{Path.GetFileName(path)}\0{bytes.Length}\0"));
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    [Fact]
    public async Task A_file_swapped_after_the_hash_is_not_stored_under_the_originals_hash_and_the_original_is_ingested_later()
    {
        using var drop = new TestDrop();
        var original = Episodes(Ep(id: "E1", client: "C1", site: "ORIGINAL"));
        drop.Batch("b1", original);
        var folder = Path.Combine(drop.Path, "b1");
        var originalHash = HashOf(folder);
        await using var h = await IngestHarness.CreateAsync(Dialect.Sqlite);
        var swapped = false;
        var ingestor = new Ingestor(h.Store, h.Options, h.Key, TimeProvider.System)
        {
            AfterHash = batch =>
            {
                if (swapped) return;
                swapped = true;
                File.WriteAllText(Path.Combine(batch.Folder, "episodes.csv"), Episodes(Ep(id: "E1", client: "C1", site: "SWAPPED")));
            },
        };

        var first = await ingestor.PullAsync(drop.Path);

        Assert.Equal(0, first.BatchesNew);
        Assert.Contains(first.Refusals, r => r.Batch == "b1" && r.Rule.StartsWith("batch changed while it was being read", StringComparison.Ordinal));
        Assert.Equal(0, await h.CountAsync("SELECT COUNT(*) FROM batches WHERE content_hash = @originalHash", new { originalHash }));
        Assert.Equal(0, await h.CountAsync("SELECT COUNT(*) FROM episodes"));

        // The next pull reads what is there now, under the hash of what it read.
        var second = await ingestor.PullAsync(drop.Path);
        Assert.Equal(1, second.BatchesNew);
        Assert.Equal(1, await h.CountAsync("SELECT COUNT(*) FROM batches WHERE content_hash = @hash", new { hash = HashOf(folder) }));
        Assert.Equal(1, await h.CountAsync("SELECT COUNT(*) FROM episodes WHERE site_id = 'SWAPPED'"));

        // The original export arriving again is new, not "already ingested".
        drop.Batch("b2", original);
        var third = await ingestor.PullAsync(drop.Path);
        Assert.Equal(1, third.BatchesNew);
        Assert.Equal(1, await h.CountAsync("SELECT COUNT(*) FROM batches WHERE content_hash = @originalHash", new { originalHash }));
        Assert.Equal(1, await h.CountAsync("SELECT COUNT(*) FROM episodes WHERE site_id = 'ORIGINAL'"));
    }
}
