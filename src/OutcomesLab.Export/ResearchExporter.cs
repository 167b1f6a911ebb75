using System.Globalization;
using System.Security.Cryptography;
using OutcomesLab.Domain;
using OutcomesLab.Export.Audit;
using OutcomesLab.Export.Disclosure;
using OutcomesLab.Export.Packaging;
using OutcomesLab.Export.Pseudonyms;
using OutcomesLab.Export.Tables;
using OutcomesLab.Storage;
using OutcomesLab.Privacy;

namespace OutcomesLab.Export;

/// <summary>
/// Makes one research export: disclosure control, files written to a hidden staging folder beside the
/// target, every check re-run on what was written, the export's key saved, then — in one store write
/// transaction — the log entry appended and the folder moved into place. If anything fails, nothing is
/// left behind: no files, no key, no log entry.
/// </summary>
/// <remarks>
/// Before anything is made, the export log must verify against its anchor (<see cref="ExportLogAnchor"/>):
/// a removed or rewritten entry would also hide an earlier release from the cross-release check, which holds
/// the new export to k and ℓ jointly with every export the log lists (<see cref="ReleaseHistory"/>).
/// </remarks>
public sealed class ResearchExporter(Store store, Catalog catalog, ExportKeyFolder keys, Func<string, string?> detectIdentifier, TimeProvider time,
    ExportLogAnchor? anchor = null)
{
    public const string FormatName = "outcomeslab-research-export";

    private readonly ExportLogAnchor anchor = anchor ?? ExportLogAnchor.BesideKeys(keys.Path);

    public async Task<ExportReceipt> ExportAsync(ExportSource source, ExportRequest request, CancellationToken ct)
    {
        request.Parameters.Validate(request.MinCell);
        var purpose = CheckPurpose(request.Purpose);
        var target = request.NameFolderByExportId ? CheckHolder(request.OutFolder) : CheckTarget(request.OutFolder);
        var log = new ExportLog(store);

        var key = await KeyFor(request.Parameters.LinkWith, log, ct);
        var earlier = await log.ListAsync(ct);
        var chain = anchor.Verify(earlier);
        var seedAnchor = !anchor.Exists && ExportLog.Verify(earlier).Intact;
        if (!chain.Intact && !seedAnchor)
            throw new ExportRefusedException($"the export log does not verify ({chain.Problem}); no export is made until that is looked into, " +
                                             "since a removed or rewritten entry would also hide an earlier export from the cross-release check");
        var now = time.GetUtcNow();
        var exportId = NewExportId(now);
        if (request.NameFolderByExportId) target = CheckTarget(Path.Combine(target, exportId));
        var dataset = ResearchDatasetBuilder.Build(source, catalog, request.Parameters, key, detectIdentifier, ReleaseHistory.FromLog(earlier));
        var logBefore = new ManifestExportLog(earlier.Count, chain.HeadHash);

        var staging = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{exportId}.partial");
        ExportFiles.CreateFolder(staging);
        var keySaved = false;
        var delivered = false;
        ExportLogEntry? anchored = null;
        try
        {
            var (manifest, files) = await WriteAsync(staging, dataset, request, purpose, exportId, now, logBefore, ct);
            await VerifyAsync(staging, files, dataset, ct);
            var keyFile = keys.Save(exportId, key);
            keySaved = true;

            await using var connection = await store.ConnectAsync(ct);
            await using var transaction = await store.BeginWriteAsync(connection, ct);
            var entry = await log.AppendAsync(connection, transaction, new ExportLogDraft(
                exportId, now, purpose, request.UserName,
                LoggedParameters(manifest, dataset, target, request.RequestId),
                ExportJson.Serialize(files, indented: false),
                ExportJson.Serialize(new
                {
                    manifest.Disclosure.KAchieved, manifest.Disclosure.LAchieved, manifest.Disclosure.SuppressedShare,
                    manifest.Disclosure.SuppressedEpisodes, manifest.Disclosure.WithheldEpisodes,
                    ProsecutorHighest = manifest.Disclosure.Risk.Highest, ProsecutorAverage = manifest.Disclosure.Risk.Average,
                }, indented: false),
                request.Parameters.LinkWith), ct, expectedPrevious: chain.HeadHash);
            if (seedAnchor) anchor.Seed(earlier);
            anchor.Append(entry);
            anchored = entry;
            if (Directory.Exists(target)) Directory.Delete(target);
            Directory.Move(staging, target);
            delivered = true;
            try
            {
                await transaction.CommitAsync(CancellationToken.None);
            }
            catch
            {
                Directory.Move(target, staging);
                delivered = false;
                throw;
            }
            return new ExportReceipt(exportId, target, manifest, entry, keyFile);
        }
        finally
        {
            if (!delivered)
            {
                if (anchored is not null) anchor.RemoveLast(anchored);
                if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
                if (keySaved) keys.Delete(exportId);
            }
        }
    }

    private async Task<ExportKey> KeyFor(string? linkWith, ExportLog log, CancellationToken ct)
    {
        if (linkWith is null) return ExportKey.CreateRandom();
        if (!ExportKeyFolder.IsExportId(linkWith))
            throw new ExportRefusedException("--link-with takes an export id such as 20260301-142500-3fa9c1 (see `outcomeslab export log`)");
        if (await log.FindAsync(linkWith, ct) is null)
            throw new ExportRefusedException($"export {linkWith} is not in this store's export log: only the custodian's own exports can be linked");
        if (!keys.Contains(linkWith))
            throw new ExportRefusedException($"the key of export {linkWith} is not in {keys.Path}: that export can no longer be linked");
        return keys.Load(linkWith);
    }

    private string CheckPurpose(string purpose) =>
        ExportPurpose.Problem(purpose, detectIdentifier) is { } problem ? throw new ExportRefusedException("--purpose " + problem) : purpose.Trim();

    // request_id only when there is one: entries made by the CLI keep their earlier shape. qi_levels is what later exports are checked against.
    private static string LoggedParameters(ExportManifest manifest, ResearchDataset d, string target, string? requestId)
    {
        var levels = d.QuasiIdentifiers.Select((q, i) => (q.Name, Level: d.Disclosure.Levels[i])).ToDictionary(x => x.Name, x => x.Level, StringComparer.Ordinal);
        var released = ReleaseHistory.Members(manifest.ExportId, d.Disclosure.Records.Where(r => r.Fate == RecordFate.Released).Select(r => r.RecordId));
        var suppressed = ReleaseHistory.Members(manifest.ExportId, d.Disclosure.Records.Where(r => r.Fate == RecordFate.Suppressed).Select(r => r.RecordId));
        return requestId is null
            ? ExportJson.Serialize(new { manifest.Parameters, out_folder = target, manifest.AggregateRunId, qi_levels = levels, released, suppressed }, indented: false)
            : ExportJson.Serialize(new { manifest.Parameters, out_folder = target, manifest.AggregateRunId, qi_levels = levels, released, suppressed, request_id = requestId },
                indented: false);
    }

    private static string CheckHolder(string folder)
    {
        if (string.IsNullOrWhiteSpace(folder)) throw new ExportRefusedException("the folder to hold the export is not set");
        var holder = Path.GetFullPath(folder);
        if (!Directory.Exists(holder)) throw new ExportRefusedException($"the folder that should hold the export, {holder}, does not exist");
        return holder;
    }

    private static string CheckTarget(string outFolder)
    {
        if (string.IsNullOrWhiteSpace(outFolder)) throw new ExportRefusedException("--out is required: the folder to write the export to");
        var target = Path.GetFullPath(outFolder);
        var parent = Path.GetDirectoryName(target);
        if (parent is null || !Directory.Exists(parent)) throw new ExportRefusedException($"the folder that should hold {target} does not exist");
        if (File.Exists(target)) throw new ExportRefusedException($"{target} is a file; --out must be a new or empty folder");
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new ExportRefusedException($"{target} is not empty; an export never overwrites files");
        return target;
    }

    private static string NewExportId(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));

    private async Task<(ExportManifest Manifest, List<ManifestFile> Files)> WriteAsync(string folder, ResearchDataset d, ExportRequest request,
        string purpose, string exportId, DateTimeOffset now, ManifestExportLog logBefore, CancellationToken ct)
    {
        var metadata = new Dictionary<string, string> { ["outcomeslab.export_id"] = exportId, ["outcomeslab.codebook"] = "codebook.json" };
        var files = new List<ManifestFile>();
        foreach (var table in d.Items is null ? [d.Episodes] : new[] { d.Episodes, d.Items })
        {
            var csv = Path.Combine(folder, table.Name + ".csv");
            await CsvTableWriter.WriteAsync(table, csv, ct);
            files.Add(await Describe(csv, table.Rows.Count, ct));
            var parquet = Path.Combine(folder, table.Name + ".parquet");
            await ParquetTableWriter.WriteAsync(table, parquet, metadata, ct);
            files.Add(await Describe(parquet, table.Rows.Count, ct));
        }
        files.Add(await WriteText(folder, "codebook.md", Codebook.Markdown(d, catalog, exportId), ct));
        files.Add(await WriteText(folder, "codebook.json", Codebook.Json(d, catalog, exportId), ct));

        var manifest = Manifest(d, request, purpose, exportId, now, logBefore, files);
        files.Add(await WriteText(folder, "README.md", RecipientReadme.Write(manifest), ct));
        manifest = manifest with { Files = files.ToList() };
        var manifestFile = await WriteText(folder, "manifest.json", ExportJson.Serialize(manifest), ct);
        return (manifest, files.Append(manifestFile).ToList());
    }

    private static ExportManifest Manifest(ResearchDataset d, ExportRequest request, string purpose, string exportId, DateTimeOffset now,
        ManifestExportLog logBefore, IReadOnlyList<ManifestFile> files)
    {
        var p = request.Parameters;
        var released = d.Disclosure.Records.Where(r => r.Fate != Disclosure.RecordFate.Withheld).ToList();
        var stars = released.Sum(r => r.QuasiIdentifiers.Count(v => v == Disclosure.GeneralisationHierarchy.Suppressed));
        var cells = released.Sum(r => r.QuasiIdentifiers.Count);
        return new ExportManifest(
            FormatName, 1, exportId, now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), purpose, p.LinkWith,
            new ManifestParameters(p.K, p.L, p.MaxSuppression, p.Items, p.WithTherapist, request.MinCell),
            request.AggregateRunId,
            new ManifestCounts(d.EpisodesConsidered, d.EpisodesReleased, d.Episodes.Rows.Count, d.Items?.Rows.Count),
            new ManifestDisclosure(
                "k-anonymity (k counts people) and distinct ℓ-diversity by full-domain generalisation over the whole lattice " +
                "(least Precision loss) with local suppression of small or uniform classes",
                d.QuasiIdentifiers.Select(q => q.Name).ToList(), "presenting_concern", d.Generalisation,
                d.Verified.KAchieved, d.Verified.LAchieved, d.Verified.Classes,
                d.Disclosure.SuppressedRecords, d.Disclosure.WithheldRecords, d.Disclosure.SuppressedShare,
                cells == 0 ? 0 : (double)stars / cells,
                new ManifestRisk("prosecutor: risk of a record = 1 / people in its class", d.Verified.Risk.Highest, d.Verified.Risk.Average,
                    d.Verified.Risk.RecordsAtHighest),
                d.Disclosure.InformationLoss, d.Disclosure.NodesEvaluated, d.Disclosure.NodesMeetingTargets),
            CrossRelease(d, p),
            logBefore,
            files);
    }

    private static ManifestCrossRelease CrossRelease(ResearchDataset d, ExportParameters p)
    {
        var h = d.History;
        var k = Math.Max(p.K, h.K);
        var l = Math.Max(p.L, h.L);
        var joint = d.VerifiedJoint ?? d.Verified;
        var known = ExportHierarchies.For(withTherapist: true)
            .ToDictionary(q => q.Name, q => q.Hierarchy.LevelNames[h.KnownLevel(q)], StringComparer.Ordinal);
        var guarantee = h.Releases.Count == 0
            ? string.Create(CultureInfo.InvariantCulture,
                $"the first export of this store: k = {k} people and ℓ = {l} concerns hold for this export; every later export is checked against it")
            : string.Create(CultureInfo.InvariantCulture,
                $"k = {k} people and ℓ = {l} concerns hold for every combination of this export with the {h.Releases.Count} export(s) released before it, however a recipient links them (the largest k and ℓ any of them promised)");
        return new ManifestCrossRelease(guarantee,
            "every export of the same store is assumed linked to every other episode by episode, since the outcome values (concern, approach, " +
            "scores, sessions, end reason) single most episodes out: for each episode a recipient is assumed to know, from each earlier export, " +
            "its quasi-identifiers at that export's levels, or that it was suppressed there, or that it was not in it. " +
            "Outcome values are exported exactly: not coarsened, not perturbed.",
            h.Releases.Select(r => r.ExportId).ToList(), known, k, l, joint.KAchieved, joint.LAchieved, d.LinkableShare);
    }

    private static async Task<ManifestFile> WriteText(string folder, string name, string text, CancellationToken ct)
    {
        var path = Path.Combine(folder, name);
        await using (var stream = ExportFiles.CreateNew(path, FileAccess.Write))
        {
            await stream.WriteAsync(new System.Text.UTF8Encoding(false).GetBytes(text), ct);
        }
        return await Describe(path, null, ct);
    }

    private static async Task<ManifestFile> Describe(string path, int? rows, CancellationToken ct) =>
        new(Path.GetFileName(path), await ExportLogHash.OfFileAsync(path, ct), new FileInfo(path).Length, rows);

    /// <summary>Reads back what was written: exactly the listed files, each with its hash; CSV and Parquet with their row counts.</summary>
    private static async Task VerifyAsync(string folder, IReadOnlyList<ManifestFile> files, ResearchDataset d, CancellationToken ct)
    {
        var present = Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var listed = files.Select(f => f.Name).Order(StringComparer.Ordinal).ToList();
        if (!present.SequenceEqual(listed)) throw new InvalidOperationException("the staging folder holds files the manifest does not list");
        foreach (var f in files)
        {
            if (await ExportLogHash.OfFileAsync(Path.Combine(folder, f.Name), ct) != f.Sha256)
                throw new InvalidOperationException($"{f.Name} changed after it was written");
        }
        foreach (var table in d.Items is null ? [d.Episodes] : new[] { d.Episodes, d.Items })
        {
            var csv = await CsvTableReader.ReadAsync(Path.Combine(folder, table.Name + ".csv"), ct);
            if (!csv.Header.SequenceEqual(table.Columns.Select(c => c.Name)) || csv.Rows.Count != table.Rows.Count)
                throw new InvalidOperationException($"{table.Name}.csv does not read back as written");
            var parquetRows = await ParquetRowCount(Path.Combine(folder, table.Name + ".parquet"), ct);
            if (parquetRows != table.Rows.Count) throw new InvalidOperationException($"{table.Name}.parquet does not read back as written");
        }
    }

    private static async Task<long> ParquetRowCount(string path, CancellationToken ct)
    {
        await using var reader = await Parquet.ParquetReader.CreateAsync(path, cancellationToken: ct);
        long rows = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            rows += group.RowCount;
        }
        return rows;
    }
}
