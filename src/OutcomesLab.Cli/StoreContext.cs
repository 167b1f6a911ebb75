using OutcomesLab.Domain;
using OutcomesLab.Jobs.Hosting;
using OutcomesLab.Storage;
using Spectre.Console;
using OutcomesLab.Privacy;
using OutcomesLab.Configuration;

namespace OutcomesLab.Cli;

/// <summary>Opens what the settings point at (through <see cref="PipelineResources"/>, shared with the job hosts) and says so on the console.</summary>
public static class StoreContext
{
    public static Task<Store> OpenStoreAsync(OutcomesLabSettings settings, CancellationToken ct) =>
        PipelineResources.OpenStoreAsync(settings, ct);

    public static Catalog LoadCatalog(OutcomesLabSettings settings) => PipelineResources.LoadCatalog(settings);

    /// <summary>The key for the store; says so (path only) when a new one was generated.</summary>
    public static PseudonymKey LoadKey(OutcomesLabSettings settings, StoreLocation location)
    {
        var key = PseudonymKey.ForStore(location, settings.KeyFile, out var created);
        if (created) SayKeyGenerated(PseudonymKey.DefaultPathFor(location));
        return key;
    }

    public static void SayKeyGenerated(string path) =>
        Terminal.Out.Say(
            $"[yellow]generated a new pseudonym key[/] {path} (mode 0600). Keep it safe and outside backups of the store: without it new data cannot be linked to what is stored.");
}
