using Dapper;

namespace OutcomesLab.Storage;

/// <summary>What the store holds and what its pulls did: for the <c>status</c> command and the web UI.</summary>
public static class StoreStatus
{
    // Records bound by property, so Dapper converts types: SQLite gives Int64, PostgreSQL int4 or bigint.
    public sealed record Totals
    {
        public long Episodes { get; init; }
        public long Administrations { get; init; }
        public long ValidAdministrations { get; init; }
        public long Answers { get; init; }
        public long Pending { get; init; }
        public long Batches { get; init; }
        public long Refusals { get; init; }
    }

    public sealed record Count(string Key, long Value);

    public sealed record Pull
    {
        public long PullId { get; init; }
        public string Source { get; init; } = "";
        public string StartedAt { get; init; } = "";
        public string? FinishedAt { get; init; }
        public string Status { get; init; } = "";
        public long BatchesNew { get; init; }
        public long BatchesSeen { get; init; }
        public long EpisodesStored { get; init; }
        public long EpisodesUpdated { get; init; }
        public long AnswersStored { get; init; }
        public long AnswersUpdated { get; init; }
        public long AnswersPending { get; init; }
        public long PendingResolved { get; init; }
        public long RowsRefused { get; init; }
        public long FilesRefused { get; init; }
        public string? Error { get; init; }
        public string? Owner { get; init; }
    }

    public sealed record RefusalRow
    {
        public string Batch { get; init; } = "";
        public string File { get; init; } = "";
        public long? Line { get; init; }
        public string? ColumnName { get; init; }
        public string Rule { get; init; } = "";
        public long WholeFile { get; init; }
    }

    public static async Task<Totals> TotalsAsync(Store store, CancellationToken ct = default)
    {
        await using var c = await store.ConnectAsync(ct);
        return await c.QuerySingleAsync<Totals>(store.Sql["Status_Totals"]);
    }

    /// <summary>Counts by "Status_ByConcern", "Status_ByApproach" or "Status_ByInstrument".</summary>
    public static async Task<IReadOnlyList<Count>> CountsAsync(Store store, string query, CancellationToken ct = default)
    {
        await using var c = await store.ConnectAsync(ct);
        return (await c.QueryAsync<(string Key, long Count)>(store.Sql[query])).Select(r => new Count(r.Key, r.Count)).ToList();
    }

    /// <summary>The latest pulls, newest first; a pull still marked running whose process is gone shows as "died".</summary>
    public static async Task<IReadOnlyList<Pull>> LatestPullsAsync(Store store, int limit, CancellationToken ct = default)
    {
        await using var c = await store.ConnectAsync(ct);
        var pulls = new List<Pull>();
        foreach (var p in await c.QueryAsync<Pull>(store.Sql["Pulls_Latest"], new { limit })) pulls.Add(await LivenessAsync(store, c, p, ct));
        return pulls;
    }

    /// <summary>One pull, or null; running or died as <see cref="LatestPullsAsync"/> tells them.</summary>
    public static async Task<Pull?> PullAsync(Store store, long pullId, CancellationToken ct = default)
    {
        await using var c = await store.ConnectAsync(ct);
        var p = await c.QuerySingleOrDefaultAsync<Pull>(store.Sql["Pulls_Get"], new { pullId });
        return p is null ? null : await LivenessAsync(store, c, p, ct);
    }

    public const string Died = "died";

    private static async Task<Pull> LivenessAsync(Store store, System.Data.Common.DbConnection c, Pull p, CancellationToken ct) =>
        p.Status == "running" && !await PullOwner.IsAliveAsync(store, c, p.Owner, ct) ? p with { Status = Died } : p;

    public static async Task<IReadOnlyList<RefusalRow>> RefusalsAsync(Store store, long pullId, CancellationToken ct = default)
    {
        await using var c = await store.ConnectAsync(ct);
        return (await c.QueryAsync<RefusalRow>(store.Sql["Refusals_ForPull"], new { pullId })).ToList();
    }
}
