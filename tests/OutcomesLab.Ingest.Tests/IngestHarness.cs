using Dapper;
using OutcomesLab.Domain;
using OutcomesLab.Storage;
using OutcomesLab.TestSupport;
using OutcomesLab.Privacy;

namespace OutcomesLab.Ingest.Tests;

/// <summary>A real store of the given dialect with a fixed test key, and an ingestor over it.</summary>
internal sealed class IngestHarness : IAsyncDisposable
{
    public static readonly byte[] KeyBytes = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private readonly TempFolder folder = new();
    public Store Store { get; private set; } = null!;
    public PseudonymKey Key { get; } = PseudonymKey.FromBytes(KeyBytes);
    public GateOptions Options { get; private set; } = GateOptions.Default;

    public static async Task<IngestHarness> CreateAsync(Dialect dialect, GateOptions? options = null)
    {
        var h = new IngestHarness();
        h.Options = options ?? GateOptions.Default;
        h.Store = await Store.OpenAsync(TestStores.NewLocation(dialect, h.folder));
        return h;
    }

    /// <summary>Pulls the drop; on SQLite then checks the pseudonym map against the administrations.</summary>
    public async Task<PullSummary> PullAsync(string drop)
    {
        var summary = await new Ingestor(Store, Options, Key, TimeProvider.System).PullAsync(drop);
        if (Store.Dialect == Dialect.Sqlite) await AssertPseudonymMapAsync(Store);
        return summary;
    }

    /// <summary>
    /// SQLite keeps the pseudonym → id map apart from the administrations (migration 0009), so nothing
    /// but the ingest keeps them in step: exactly one entry per administration, with its id, and no other.
    /// </summary>
    public static async Task AssertPseudonymMapAsync(Store store)
    {
        await using var c = await store.ConnectAsync();
        var administrations = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM administrations");
        Assert.Equal(administrations, await c.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT administration_ref) FROM administrations"));
        Assert.Equal(administrations, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM administration_refs"));
        Assert.Equal(administrations, await c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM administrations a JOIN administration_refs m ON m.administration_ref = a.administration_ref AND m.admin_id = a.admin_id"));
    }

    public async Task<long> CountAsync(string sql, object? args = null)
    {
        await using var c = await Store.ConnectAsync();
        return await c.ExecuteScalarAsync<long>(sql, args);
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await using var c = await Store.ConnectAsync();
        return (await c.QueryAsync<T>(sql, args)).ToList();
    }

    public string Ref(string kind, string id) => Key.Pseudonym(kind, id);

    public Task<string> DumpAsync() => DumpAsync(Store);

    /// <summary>A canonical, ordered dump of everything a store keeps, to compare two stores.</summary>
    public static async Task<string> DumpAsync(Store store)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var sql in new[]
        {
            "SELECT episode_ref, client_ref, couple_ref, site_id, therapist_id, presenting_concern, approach, format, age_band, gender_identity, sexual_orientation, intake_month, intake_day, end_day_offset, end_reason FROM episodes ORDER BY episode_ref",
            "SELECT administration_ref, episode_ref, instrument, session_number, administered_day, n_answered, is_valid, score FROM administrations ORDER BY administration_ref",
            "SELECT a.administration_ref, x.item, x.value FROM answers x JOIN administrations a ON a.admin_id = x.admin_id ORDER BY a.administration_ref, x.item",
            "SELECT administration_ref, item, value FROM pending_answers ORDER BY administration_ref, item",
        })
        {
            await using var c = await store.ConnectAsync();
            foreach (IDictionary<string, object?> row in await c.QueryAsync(sql))
                sb.AppendLine(string.Join('|', row.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
        }
        return sb.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        folder.Dispose();
    }
}
