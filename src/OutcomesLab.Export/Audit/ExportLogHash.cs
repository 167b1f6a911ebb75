using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OutcomesLab.Export.Audit;

/// <summary>
/// The entry hash: SHA-256 (hex, lower case) of a canonical JSON object of every field except the entry
/// id and the hash itself, in a fixed order, previous hash included — so each entry commits to all
/// before it.
/// </summary>
public static class ExportLogHash
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Compute(string exportId, string createdAt, string purpose, string userName, string parameters,
        string files, string risk, string? linkedExportId, string previousHash)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("export_id", exportId);
            json.WriteString("created_at", createdAt);
            json.WriteString("purpose", purpose);
            json.WriteString("user", userName);
            json.WriteString("parameters", parameters);
            json.WriteString("files", files);
            json.WriteString("risk", risk);
            if (linkedExportId is null) json.WriteNull("linked_export_id");
            else json.WriteString("linked_export_id", linkedExportId);
            json.WriteString("previous_hash", previousHash);
            json.WriteEndObject();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    public static string Of(ExportLogEntry e) =>
        Compute(e.ExportId, e.CreatedAt, e.Purpose, e.UserName, e.Parameters, e.Files, e.Risk, e.LinkedExportId, e.PreviousHash);

    /// <summary>SHA-256 of a file, hex lower case (as <c>sha256sum</c> prints it).</summary>
    public static async Task<string> OfFileAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    public static string OfText(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
