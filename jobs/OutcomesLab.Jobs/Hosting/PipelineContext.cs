using OutcomesLab.Domain;
using OutcomesLab.Storage;
using OutcomesLab.Privacy;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Hosting;

/// <summary>
/// What a job host opens once at start-up and every job shares: the settings, the store (opened and
/// migrated), the catalog and the pseudonym key. Opening it checks the configuration, so a host with a
/// bad store, catalog or key stops at start-up instead of failing each job.
/// </summary>
public sealed class PipelineContext : IAsyncDisposable
{
    public OutcomesLabSettings Settings { get; }
    public Store Store { get; }
    public Catalog Catalog { get; }
    public PseudonymKey Key { get; }
    public TimeProvider Time { get; }
    /// <summary>True when opening generated a new key for a new SQLite store (the host says so).</summary>
    public bool KeyCreated { get; }

    private PipelineContext(OutcomesLabSettings settings, Store store, Catalog catalog, PseudonymKey key, TimeProvider time, bool keyCreated)
    {
        Settings = settings;
        Store = store;
        Catalog = catalog;
        Key = key;
        Time = time;
        KeyCreated = keyCreated;
    }

    public static async Task<PipelineContext> OpenAsync(OutcomesLabSettings settings, TimeProvider time, CancellationToken ct)
    {
        var catalog = PipelineResources.LoadCatalog(settings);
        // The key before the store: a key is generated only for a SQLite store that does not exist yet.
        var key = PipelineResources.LoadKey(settings, out var created);
        var store = await PipelineResources.OpenStoreAsync(settings, ct);
        return new PipelineContext(settings, store, catalog, key, time, created);
    }

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
