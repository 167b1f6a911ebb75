using OutcomesLab.Domain;

namespace OutcomesLab.Ingest;

/// <summary>
/// One export run: a sub-folder of the drop folder, identified by the SHA-256 of its files.
/// <paramref name="Refused"/>: the folder itself is refused (its name or kind) and nothing in it is read.
/// </summary>
public sealed record DropBatch(string Name, string Folder, string DropRealPath, IReadOnlyList<DropFile> Files, Refusal? Refused)
{
    public SourceFile? Episodes => Source(DropFileKind.Episodes, ExchangeFormat.EpisodesFile, FileKind.Episodes);
    public SourceFile? Responses => Source(DropFileKind.Responses, ExchangeFormat.ResponsesFile, FileKind.Responses);

    private SourceFile? Source(DropFileKind kind, string name, FileKind fileKind) =>
        Files.FirstOrDefault(f => f.Kind == kind) is { } f ? new SourceFile(Name, name, f.Path, fileKind) : null;

    /// <summary>The listed size of the batch's two files, for progress only (a link or pipe counts 0).</summary>
    public long TotalBytes => Files.Where(f => f.Kind != DropFileKind.Stray).Sum(f =>
    {
        var info = new FileInfo(f.Path);
        return info.LinkTarget is null && info.Exists ? info.Length : 0;
    });

    /// <summary>
    /// SHA-256 over every file of the batch in name order (name, length, bytes), so the same export
    /// pulled twice — under any folder name — is recognised and changes nothing. Taken before the
    /// batch is read, to skip a batch already ingested; the ingest hashes the bytes it reads again and
    /// stores the batch only when both agree.
    /// </summary>
    public string ContentHash()
    {
        using var hash = new BatchHash(DropRealPath);
        foreach (var f in Files) hash.AddWhole(f);
        return hash.Finish();
    }
}
