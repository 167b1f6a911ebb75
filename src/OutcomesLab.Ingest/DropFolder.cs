using OutcomesLab.Domain;

namespace OutcomesLab.Ingest;

/// <summary>
/// The CSV drop source: batches are the drop folder's sub-folders, taken in folder-name order. A
/// sub-folder that is a link, or whose name is not a plain label or looks like a direct identifier,
/// is listed as refused under its position ("folder #3") and never read.
/// </summary>
public static class DropFolder
{
    public static IReadOnlyList<DropBatch> ListBatches(string dropFolder)
    {
        if (!Directory.Exists(dropFolder)) throw new DirectoryNotFoundException($"drop folder '{dropFolder}' does not exist");
        var root = DropFileOpener.RealPathOfFolder(dropFolder)
            ?? throw new DirectoryNotFoundException($"drop folder '{dropFolder}' cannot be opened");
        var folders = new DirectoryInfo(dropFolder).EnumerateDirectories()
            .Where(d => !d.Name.StartsWith('.'))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .ToList();
        var batches = new List<DropBatch>(folders.Count);
        for (var i = 0; i < folders.Count; i++)
        {
            var d = folders[i];
            var label = $"folder #{i + 1}";
            if (BatchNameScreen.Problem(d.Name) is { } nameProblem)
            {
                batches.Add(Refused(label, d.FullName, root, $"batch folder name {nameProblem}; name withheld, batch not read"));
                continue;
            }
            if (d.LinkTarget is not null)
            {
                batches.Add(Refused(d.Name, d.FullName, root, "batch folder is a link; not read"));
                continue;
            }
            batches.Add(new DropBatch(d.Name, d.FullName, root, ListFiles(d), null));
        }
        return batches;
    }

    private static DropBatch Refused(string label, string folder, string root, string rule) =>
        new(label, folder, root, [], new Refusal(label, "(batch folder)", null, null, rule, true));

    /// <summary>Every entry but real sub-folders, in name order; episodes.csv and responses.csv by their case-insensitive names.</summary>
    private static List<DropFile> ListFiles(DirectoryInfo batch)
    {
        var files = new List<DropFile>();
        bool episodes = false, responses = false;
        foreach (var entry in batch.EnumerateFileSystemInfos().OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            if (entry is DirectoryInfo && entry.LinkTarget is null) continue;
            var kind = DropFileKind.Stray;
            if (!episodes && entry.Name.Equals(ExchangeFormat.EpisodesFile, StringComparison.OrdinalIgnoreCase)) { kind = DropFileKind.Episodes; episodes = true; }
            else if (!responses && entry.Name.Equals(ExchangeFormat.ResponsesFile, StringComparison.OrdinalIgnoreCase)) { kind = DropFileKind.Responses; responses = true; }
            files.Add(new DropFile(entry.Name, entry.FullName, kind));
        }
        return files;
    }
}
