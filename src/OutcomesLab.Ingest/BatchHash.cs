using System.Security.Cryptography;
using System.Text;

namespace OutcomesLab.Ingest;

/// <summary>
/// The batch content hash, built file by file in name order: name, length and the bytes read. A file
/// that is not a regular file inside the drop adds its name and a mark instead of bytes (it is never read).
/// </summary>
internal sealed class BatchHash(string dropRealPath) : IDisposable
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>Reads a whole file into the hash; returns why it was not read, or null.</summary>
    public string? AddWhole(DropFile file)
    {
        using var stream = Open(file, out var problem);
        stream?.Drain();
        return problem;
    }

    /// <summary>Opens a file whose bytes go into the hash as they are read; null (and the reason) when it is not read.</summary>
    public HashingStream? Open(DropFile file, out string? problem)
    {
        var stream = DropFileOpener.TryOpen(file.Path, dropRealPath, out problem);
        if (stream is null)
        {
            Append($"{file.Name}\0-\0");
            return null;
        }
        Append($"{file.Name}\0{stream.Length}\0");
        return new HashingStream(stream, hash);
    }

    private void Append(string s) => hash.AppendData(Encoding.UTF8.GetBytes(s));

    public string Finish() => Convert.ToHexStringLower(hash.GetHashAndReset());

    public void Dispose() => hash.Dispose();
}
