using System.Data.Common;
using System.Globalization;
using Dapper;
using OutcomesLab.Storage;

namespace OutcomesLab.Export.Audit;

/// <summary>
/// The append-only, hash-chained log of research exports in the store (migration 0003). Appending
/// happens inside the caller's write transaction, so the entry and the export's delivery commit or
/// fail together, and the store's write lock keeps the chain linear.
/// </summary>
public sealed class ExportLog(Store store)
{
    /// <param name="expectedPrevious">The head the export was checked against: another export logged since then refuses this one.</param>
    public async Task<ExportLogEntry> AppendAsync(DbConnection connection, DbTransaction transaction, ExportLogDraft draft, CancellationToken ct,
        string? expectedPrevious = null)
    {
        var previous = await connection.QuerySingleOrDefaultAsync<string?>(
            new CommandDefinition(store.Sql["ExportLog_Head"], transaction: transaction, cancellationToken: ct)) ?? ExportLogHash.Genesis;
        if (expectedPrevious is not null && previous != expectedPrevious)
            throw new ExportRefusedException("another export was logged while this one was being made; run it again so that it is checked against that one");
        var createdAt = draft.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var hash = ExportLogHash.Compute(draft.ExportId, createdAt, draft.Purpose, draft.UserName, draft.Parameters, draft.Files,
            draft.Risk, draft.LinkedExportId, previous);
        await connection.ExecuteAsync(new CommandDefinition(store.Sql["ExportLog_Append"], new
        {
            draft.ExportId, CreatedAt = createdAt, draft.Purpose, draft.UserName, draft.Parameters, draft.Files, draft.Risk,
            draft.LinkedExportId, PreviousHash = previous, EntryHash = hash,
        }, transaction, cancellationToken: ct));
        return (await FindAsync(connection, transaction, draft.ExportId, ct))!;
    }

    public async Task<IReadOnlyList<ExportLogEntry>> ListAsync(CancellationToken ct)
    {
        await using var c = await store.ConnectAsync(ct);
        return (await c.QueryAsync<ExportLogEntry>(new CommandDefinition(store.Sql["ExportLog_List"], cancellationToken: ct))).ToList();
    }

    public async Task<ExportLogEntry?> FindAsync(string exportId, CancellationToken ct)
    {
        await using var c = await store.ConnectAsync(ct);
        return await FindAsync(c, null, exportId, ct);
    }

    private async Task<ExportLogEntry?> FindAsync(DbConnection c, DbTransaction? tx, string exportId, CancellationToken ct) =>
        await c.QuerySingleOrDefaultAsync<ExportLogEntry>(
            new CommandDefinition(store.Sql["ExportLog_Find"], new { ExportId = exportId }, tx, cancellationToken: ct));

    public async Task<ChainVerification> VerifyAsync(CancellationToken ct) => Verify(await ListAsync(ct));

    /// <summary>
    /// Walks the chain oldest first: each entry must link to the hash of the one before it (the first to
    /// the genesis hash) and its stored hash must equal the hash of its content. The first break is reported.
    /// </summary>
    public static ChainVerification Verify(IReadOnlyList<ExportLogEntry> entries)
    {
        var previous = ExportLogHash.Genesis;
        foreach (var e in entries)
        {
            if (!string.Equals(e.PreviousHash, previous, StringComparison.Ordinal))
                return new ChainVerification(false, entries.Count, e.EntryId,
                    $"entry {e.EntryId} ({e.ExportId}) does not link to the entry before it: an entry was removed, inserted or rewritten", previous);
            if (!string.Equals(ExportLogHash.Of(e), e.EntryHash, StringComparison.Ordinal))
                return new ChainVerification(false, entries.Count, e.EntryId,
                    $"entry {e.EntryId} ({e.ExportId}) was edited after it was written: its content no longer matches its hash", previous);
            previous = e.EntryHash;
        }
        return new ChainVerification(true, entries.Count, null, null, previous);
    }
}
