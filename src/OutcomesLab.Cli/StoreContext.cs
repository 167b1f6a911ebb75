using OutcomesLab.Domain;
using OutcomesLab.Ingest;
using OutcomesLab.Jobs.Hosting;
using OutcomesLab.Storage;
using Spectre.Console;

namespace OutcomesLab.Cli;

/// <summary>Opens what the settings point at: the store, the catalog, the pseudonym key.</summary>
public static class StoreContext
{
    public static async Task<Store> OpenStoreAsync(OutcomesLabSettings settings, CancellationToken ct) =>
        await Store.OpenAsync(StoreLocation.Parse(settings.Store), ct);

    public static Catalog LoadCatalog(OutcomesLabSettings settings) =>
        string.IsNullOrWhiteSpace(settings.Catalog) ? Catalog.Default : Catalog.Load(settings.Catalog);

    /// <summary>The key for the store; says so (path only) when a new one was generated.</summary>
    public static PseudonymKey LoadKey(OutcomesLabSettings settings, StoreLocation location)
    {
        var key = PseudonymKey.ForStore(location, settings.KeyFile, out var created);
        if (created)
            AnsiConsole.MarkupLineInterpolated(
                $"[yellow]generated a new pseudonym key[/] {PseudonymKey.DefaultPathFor(location)} (mode 0600). Keep it safe and outside backups of the store: without it new data cannot be linked to what is stored.");
        return key;
    }
}
