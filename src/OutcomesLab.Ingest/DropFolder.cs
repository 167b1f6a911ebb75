using System.Security.Cryptography;

namespace OutcomesLab.Ingest;

/// <summary>One export run: a sub-folder of the drop folder, identified by the SHA-256 of its files.</summary>
public sealed record DropBatch(string Name, string Folder, SourceFile? Episodes, SourceFile? Responses, IReadOnlyList<string> StrayFiles)
{
    public long TotalBytes => new[] { Episodes, Responses }.Where(f => f is not null).Sum(f => new FileInfo(f!.Path).Length);

    /// <summary>
    /// SHA-256 over every file of the batch in name order (name, length, bytes), so the same export
    /// pulled twice — under any folder name — is recognised and changes nothing.
    /// </summary>
    public string ContentHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in Directory.EnumerateFiles(Folder).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(path);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{info.Name}\0{info.Length}\0"));
            using var stream = File.OpenRead(path);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = stream.Read(buffer)) > 0) hash.AppendData(buffer.AsSpan(0, read));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

/// <summary>The CSV drop source: batches are the drop folder's sub-folders, taken in folder-name order.</summary>
public static class DropFolder
{
    public static IReadOnlyList<DropBatch> ListBatches(string dropFolder)
    {
        if (!Directory.Exists(dropFolder)) throw new DirectoryNotFoundException($"drop folder '{dropFolder}' does not exist");
        return Directory.EnumerateDirectories(dropFolder)
            .Select(folder => new DirectoryInfo(folder))
            .Where(d => !d.Name.StartsWith('.'))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .Select(d =>
            {
                SourceFile? episodes = null, responses = null;
                var strays = new List<string>();
                foreach (var file in d.EnumerateFiles().OrderBy(f => f.Name, StringComparer.Ordinal))
                {
                    if (file.Name.Equals(ExchangeFormat.EpisodesFile, StringComparison.OrdinalIgnoreCase))
                        episodes = new SourceFile(d.Name, ExchangeFormat.EpisodesFile, file.FullName, FileKind.Episodes);
                    else if (file.Name.Equals(ExchangeFormat.ResponsesFile, StringComparison.OrdinalIgnoreCase))
                        responses = new SourceFile(d.Name, ExchangeFormat.ResponsesFile, file.FullName, FileKind.Responses);
                    else strays.Add(file.Name);
                }
                return new DropBatch(d.Name, d.FullName, episodes, responses, strays);
            })
            .ToList();
    }
}
