using Dapper;
using OutcomesLab.Export.Audit;
using OutcomesLab.Storage;
using OutcomesLab.TestSupport;
using Xunit;

namespace OutcomesLab.Export.Tests.Audit;

public sealed class ExportLogTests
{
    private static ExportLogDraft Draft(int i) => new(
        $"20260301-1425{i:D2}-00000{i}", new DateTimeOffset(2026, 3, 1, 14, 25, i, TimeSpan.Zero), $"study {i}", "analyst",
        $$"""{"k":11,"n":{{i}}}""", $$"""[{"name":"episodes.csv","sha256":"{{new string((char)('a' + i), 64)}}"}]""",
        """{"k_achieved":11}""", i == 3 ? "20260301-142501-000001" : null);

    private static async Task<(Store Store, ExportLog Log)> LogWith(StoreLocation location, int entries)
    {
        var store = await Store.OpenAsync(location);
        var log = new ExportLog(store);
        for (var i = 1; i <= entries; i++)
        {
            await using var c = await store.ConnectAsync();
            await using var tx = await store.BeginWriteAsync(c);
            await log.AppendAsync(c, tx, Draft(i), CancellationToken.None);
            await tx.CommitAsync();
        }
        return (store, log);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Dialects), MemberType = typeof(TestStores))]
    public async Task Entries_chain_each_to_the_one_before(Dialect dialect)
    {
        using var folder = new TempFolder();
        var (store, log) = await LogWith(TestStores.NewLocation(dialect, folder), 3);
        await using var _ = store;

        var entries = await log.ListAsync(CancellationToken.None);
        Assert.Equal(3, entries.Count);
        Assert.Equal(ExportLogHash.Genesis, entries[0].PreviousHash);
        Assert.Equal(entries[0].EntryHash, entries[1].PreviousHash);
        Assert.Equal(entries[1].EntryHash, entries[2].PreviousHash);
        Assert.Equal("2026-03-01T14:25:02.0000000Z", entries[1].CreatedAt);
        Assert.Equal("20260301-142501-000001", entries[2].LinkedExportId);
        Assert.All(entries, e => Assert.Equal(ExportLogHash.Of(e), e.EntryHash));

        var check = await log.VerifyAsync(CancellationToken.None);
        Assert.True(check.Intact, check.Problem);
        Assert.Equal(3, check.Entries);
        Assert.Equal(entries[2].EntryHash, check.HeadHash);
        Assert.Equal("study 2", (await log.FindAsync("20260301-142502-000002", CancellationToken.None))!.Purpose);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Dialects), MemberType = typeof(TestStores))]
    public async Task The_store_refuses_to_update_or_delete_an_entry(Dialect dialect)
    {
        using var folder = new TempFolder();
        var (store, _) = await LogWith(TestStores.NewLocation(dialect, folder), 2);
        await using var __ = store;
        await using var c = await store.ConnectAsync();

        var update = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            c.ExecuteAsync("UPDATE export_log SET purpose = 'something else' WHERE entry_id = 1"));
        Assert.Contains("append-only", update.Message);
        var delete = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => c.ExecuteAsync("DELETE FROM export_log"));
        Assert.Contains("append-only", delete.Message);
        if (dialect == Dialect.Postgres)
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => c.ExecuteAsync("TRUNCATE export_log"));
    }

    /// <summary>An intruder with write access to the database first switches the guard off.</summary>
    private static async Task DisableGuards(Store store, System.Data.Common.DbConnection c)
    {
        if (store.Dialect == Dialect.Sqlite)
            await c.ExecuteAsync("DROP TRIGGER export_log_no_update; DROP TRIGGER export_log_no_delete;");
        else
            await c.ExecuteAsync("ALTER TABLE export_log DISABLE TRIGGER USER");
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Dialects), MemberType = typeof(TestStores))]
    public async Task Verification_detects_an_edited_entry(Dialect dialect)
    {
        using var folder = new TempFolder();
        var (store, log) = await LogWith(TestStores.NewLocation(dialect, folder), 3);
        await using var _ = store;
        await using (var c = await store.ConnectAsync())
        {
            await DisableGuards(store, c);
            await c.ExecuteAsync("UPDATE export_log SET purpose = 'an innocent-looking purpose' WHERE entry_id = 2");
        }

        var check = await log.VerifyAsync(CancellationToken.None);
        Assert.False(check.Intact);
        Assert.Equal(2, check.BrokenAtEntry);
        Assert.Contains("edited", check.Problem);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Dialects), MemberType = typeof(TestStores))]
    public async Task Verification_detects_a_rewritten_entry_whose_hash_was_recomputed(Dialect dialect)
    {
        using var folder = new TempFolder();
        var (store, log) = await LogWith(TestStores.NewLocation(dialect, folder), 3);
        await using var _ = store;
        var second = (await log.ListAsync(CancellationToken.None))[1];
        var forged = second with { Files = "[]" };
        await using (var c = await store.ConnectAsync())
        {
            await DisableGuards(store, c);
            await c.ExecuteAsync("UPDATE export_log SET files = @Files, entry_hash = @Hash WHERE entry_id = 2",
                new { forged.Files, Hash = ExportLogHash.Of(forged) });
        }

        var check = await log.VerifyAsync(CancellationToken.None);
        Assert.False(check.Intact);
        Assert.Equal(3, check.BrokenAtEntry);
        Assert.Contains("does not link", check.Problem);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Dialects), MemberType = typeof(TestStores))]
    public async Task Verification_detects_a_deleted_entry(Dialect dialect)
    {
        using var folder = new TempFolder();
        var (store, log) = await LogWith(TestStores.NewLocation(dialect, folder), 3);
        await using var _ = store;
        await using (var c = await store.ConnectAsync())
        {
            await DisableGuards(store, c);
            await c.ExecuteAsync("DELETE FROM export_log WHERE entry_id = 2");
        }

        var check = await log.VerifyAsync(CancellationToken.None);
        Assert.False(check.Intact);
        Assert.Equal(3, check.BrokenAtEntry);
    }

    [Fact]
    public async Task An_export_checked_against_an_older_head_is_refused_at_append()
    {
        using var folder = new TempFolder();
        var (store, log) = await LogWith(TestStores.NewLocation(Dialect.Sqlite, folder), 2);
        await using var _ = store;
        var entries = await log.ListAsync(CancellationToken.None);

        // Checked when only the first entry existed; another export has been logged since.
        await using var c = await store.ConnectAsync();
        await using var tx = await store.BeginWriteAsync(c);
        var e = await Assert.ThrowsAsync<ExportRefusedException>(() =>
            log.AppendAsync(c, tx, Draft(3), CancellationToken.None, expectedPrevious: entries[0].EntryHash));
        Assert.Contains("another export was logged", e.Message, StringComparison.Ordinal);
        await tx.RollbackAsync();
        Assert.Equal(2, (await log.ListAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public void Every_field_is_covered_by_the_hash()
    {
        var e = new ExportLogEntry(1, "id", "t", "p", "u", "{}", "[]", "{}", null, ExportLogHash.Genesis, "");
        var h = ExportLogHash.Of(e);
        Assert.All(new[]
        {
            e with { ExportId = "id2" }, e with { CreatedAt = "t2" }, e with { Purpose = "p2" }, e with { UserName = "u2" },
            e with { Parameters = "{ }" }, e with { Files = "[ ]" }, e with { Risk = "{ }" }, e with { LinkedExportId = "x" },
            e with { PreviousHash = new string('1', 64) },
        }, changed => Assert.NotEqual(h, ExportLogHash.Of(changed)));
        Assert.Equal(h, ExportLogHash.Of(e with { EntryId = 99 }));
        Assert.Matches("^[0-9a-f]{64}$", h);
    }
}
