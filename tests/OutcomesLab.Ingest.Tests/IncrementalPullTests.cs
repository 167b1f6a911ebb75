using OutcomesLab.Storage;
using OutcomesLab.Synthetic;
using OutcomesLab.TestSupport;

namespace OutcomesLab.Ingest.Tests;

/// <summary>
/// A store filled batch by batch over several pulls ends exactly like one filled by a single pull. On
/// SQLite the first pull (a bulk one) defers the aggregate's read-order index and builds it at its
/// end; the later, small pull keeps it up to date entry by entry; both leave it whole.
/// </summary>
public class IncrementalPullTests
{
    [SkippableTheory, MemberData(nameof(TestStores.Dialects), MemberType = typeof(TestStores))]
    public async Task A_small_pull_after_a_bulk_one_ends_like_one_pull_of_everything(Dialect dialect)
    {
        using var folder = new TempFolder();
        var held = new HeldBackDrop(folder, new SynthOptions { Episodes = 600, Seed = 3 });
        var drop = held.Path;

        await using var stepwise = await IngestHarness.CreateAsync(dialect);
        var first = await stepwise.PullAsync(drop);
        held.ReleaseLastBatch();
        var second = await stepwise.PullAsync(drop);
        Assert.Equal(7, first.BatchesNew);
        Assert.Equal(1, second.BatchesNew);
        Assert.Equal(7, second.BatchesSeen);
        var admins = await stepwise.CountAsync("SELECT COUNT(*) FROM administrations");
        var added = await stepwise.CountAsync("SELECT COUNT(*) FROM administrations WHERE batch_name = @name", new { name = Path.GetFileName(held.LastBatch) });
        Assert.InRange(added, 1, admins / 4); // small enough that the second pull kept the index up to date

        await using var once = await IngestHarness.CreateAsync(dialect);
        await once.PullAsync(drop);
        Assert.Equal(await once.DumpAsync(), await stepwise.DumpAsync());

        if (dialect == Dialect.Sqlite)
        {
            Assert.Equal(1, await stepwise.CountAsync("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'ix_administrations_valid_order'"));
            Assert.Equal(["ok"], await stepwise.QueryAsync<string>("PRAGMA integrity_check"));
        }
    }
}
