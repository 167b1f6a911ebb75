using Dapper;

namespace OutcomesLab.Storage;

/// <summary>Applies sql/&lt;dialect&gt;/migrations/NNNN_name.sql in order, each recorded once, under the write lock.</summary>
internal sealed class Migrator(Store store)
{
    public async Task ApplyAsync(CancellationToken ct)
    {
        await using var c = await store.ConnectAsync(ct);
        // A migration may index a table that already holds millions of rows (0007 does). The
        // store's connections keep temp storage in memory, where SQLite's CREATE INDEX sorter would
        // then hold the whole sort, growing with the store; on temp files it stays within the page
        // cache. Set outside the transaction (SQLite refuses it inside one); Store.ConnectAsync
        // resets it for the next user of this pooled connection.
        if (store.Dialect == Dialect.Sqlite) await c.ExecuteAsync(store.Sql["Connection_SortOnFiles"]);
        await using var tx = await store.BeginWriteAsync(c, ct);
        await c.ExecuteAsync(store.Sql["Migrations_CreateTable"], transaction: tx);
        var applied = (await c.QueryAsync<long>(store.Sql["Migrations_List"], transaction: tx)).ToHashSet();
        foreach (var (version, name, sql) in store.Sql.Migrations())
        {
            if (applied.Contains(version)) continue;
            await c.ExecuteAsync(new CommandDefinition(sql, transaction: tx, cancellationToken: ct, commandTimeout: 0));
            await c.ExecuteAsync(store.Sql["Migrations_Record"],
                new { version, name, appliedAt = DateTimeOffset.UtcNow.ToString("O") }, tx);
        }
        await tx.CommitAsync(ct);
    }
}
