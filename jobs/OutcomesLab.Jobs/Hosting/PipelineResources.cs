using OutcomesLab.Domain;
using OutcomesLab.Storage;
using OutcomesLab.Privacy;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Hosting;

/// <summary>
/// Opens what the settings point at — the store, the instrument catalog, the pseudonym key — the
/// same way for the CLI and for the job hosts, so a job and a command given the same settings
/// work on the same store with the same key.
/// </summary>
public static class PipelineResources
{
    public static StoreLocation Location(OutcomesLabSettings settings) => StoreLocation.Parse(settings.Store);

    public static async Task<Store> OpenStoreAsync(OutcomesLabSettings settings, CancellationToken ct) =>
        await Store.OpenAsync(Location(settings), ct);

    public static Catalog LoadCatalog(OutcomesLabSettings settings) =>
        string.IsNullOrWhiteSpace(settings.Catalog) ? Catalog.Default : Catalog.Load(settings.Catalog);

    /// <summary>
    /// The store's pseudonym key. Load it before opening a new SQLite store: a key is generated only
    /// for a store that does not exist yet (<paramref name="created"/> tells the caller to say so).
    /// </summary>
    public static PseudonymKey LoadKey(OutcomesLabSettings settings, out bool created) =>
        PseudonymKey.ForStore(Location(settings), settings.KeyFile, out created);

    /// <summary>Where a newly generated key was written (SQLite stores only).</summary>
    public static string GeneratedKeyPath(OutcomesLabSettings settings) => PseudonymKey.DefaultPathFor(Location(settings));
}
