using OutcomesLab.Storage.Persistence;
using OutcomesLab.Storage.Reading;
using System.Text.Json;
using Dapper;
using OutcomesLab.Domain;
using OutcomesLab.Export.Audit;
using OutcomesLab.Export.Pseudonyms;
using OutcomesLab.Storage;
using OutcomesLab.Privacy;

namespace OutcomesLab.Export;

/// <summary>
/// The research export as a pipeline stage, the one place the <c>export</c> command and the export job
/// both call: checks what was asked before reading anything, reads the outcomes (and, with items, the
/// answers) from the store, and hands them to <see cref="ResearchExporter"/> beside the latest
/// aggregate run, with the export keys kept beside the store's pseudonym key.
/// </summary>
public static class ExportStage
{
    /// <summary>
    /// Makes the export; throws <see cref="ExportRefusedException"/> (nothing written) when the request
    /// or the privacy targets cannot be met. <paramref name="request"/>'s aggregate run is filled in here.
    /// </summary>
    /// <param name="anchorFile">OutcomesLab:ExportLogAnchor: where the export log's anchor is kept (null: beside the key file).</param>
    public static async Task<ExportReceipt> RunAsync(Store store, Catalog catalog, string? keyFile, string? anchorFile, ExportRequest request, TimeProvider time,
        CancellationToken ct)
    {
        // Cheap refusals first: a k below min_cell or a bad purpose need not wait for the whole store to be read.
        request.Parameters.Validate(request.MinCell);
        if (ExportPurpose.Problem(request.Purpose, IdentifierDetectors.Detect) is { } problem) throw new ExportRefusedException("--purpose " + problem);
        await CheckKeyAsync(store, keyFile, ct);
        var keys = KeysFor(store.Location, keyFile);
        var run = await AggregateRunRepository.LatestSummaryAsync(store, ct);
        var source = await StoreExportSource.LoadAsync(store, OutcomeReader.EpisodeOutcomesAsync(store, catalog, ct), request.Parameters.Items, ct);
        var exporter = new ResearchExporter(store, catalog, keys, IdentifierDetectors.Detect, time, AnchorFor(store.Location, keyFile, anchorFile));
        return await exporter.ExportAsync(source, request with { AggregateRunId = run?.RunId }, ct);
    }

    /// <summary>
    /// The store's key check, as a pull runs it: export keys and the log's anchor are kept beside the key file,
    /// so it must be the store's own (a wrong one would scatter them where no later export looks).
    /// </summary>
    public static async Task CheckKeyAsync(Store store, string? keyFile, CancellationToken ct)
    {
        string? stored;
        await using (var c = await store.ConnectAsync(ct)) stored = await StoreKeyCheck.StoredAsync(c, store);
        if (stored is null) return;
        if (string.IsNullOrWhiteSpace(keyFile) && store.Location.Dialect == Dialect.Postgres)
            throw new KeyFileException("a PostgreSQL store needs a key file: set OutcomesLab:KeyFile, OUTCOMESLAB_KEY_FILE or --key-file");
        var path = string.IsNullOrWhiteSpace(keyFile) ? PseudonymKey.DefaultPathFor(store.Location) : keyFile;
        if (!File.Exists(path))
            throw new KeyFileException($"the store's key file {Path.GetFullPath(path)} does not exist: export keys and the export log's anchor are kept beside it");
        StoreKeyCheck.Verify(stored, PseudonymKey.Load(path));
    }

    /// <summary>Where this store's export keys are kept; a PostgreSQL store needs its key file named.</summary>
    public static ExportKeyFolder KeysFor(StoreLocation location, string? keyFile) => ExportKeyFolder.ForStore(location, keyFile);

    /// <summary>Where this store's export log anchor is kept: the configured file, or beside the key file.</summary>
    public static ExportLogAnchor AnchorFor(StoreLocation location, string? keyFile, string? anchorFile) => ExportLogAnchor.ForStore(location, keyFile, anchorFile);

    /// <summary>The export log, verified against its anchor.</summary>
    public static async Task<(IReadOnlyList<ExportLogEntry> Entries, ChainVerification Chain)> VerifiedLogAsync(Store store, string? keyFile, string? anchorFile,
        CancellationToken ct)
    {
        var entries = await new ExportLog(store).ListAsync(ct);
        return (entries, AnchorFor(store.Location, keyFile, anchorFile).Verify(entries));
    }

    /// <summary>The log entry of the export made for <paramref name="requestId"/>, if one was made.</summary>
    public static async Task<ExportLogEntry?> FindByRequestAsync(Store store, string requestId, CancellationToken ct)
    {
        foreach (var entry in (await new ExportLog(store).ListAsync(ct)).Reverse())
        {
            if (RequestIdOf(entry) == requestId) return entry;
        }
        return null;
    }

    /// <summary>The <c>request_id</c> an entry's parameters record, or null (CLI exports have none).</summary>
    public static string? RequestIdOf(ExportLogEntry entry)
    {
        try
        {
            using var doc = JsonDocument.Parse(entry.Parameters);
            return doc.RootElement.TryGetProperty("request_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
