using System.Security.Cryptography;
using System.Text;

namespace OutcomesLab.Export.Pseudonyms;

/// <summary>
/// The pseudonym key of one research export: 32 random bytes, fresh for every export, so two exports
/// cannot be joined on their pseudonyms (unless the custodian deliberately reuses an export's key).
/// A pseudonym is HMAC-SHA256(key, domain ‖ 0x1F ‖ stored id), its first 128 bits written as 32 letters
/// a–p (one per 4 bits, as Chrome extension ids are): no digit runs that a phone-number or NHS-number
/// detector could mistake for an identifier, and nothing a plain hash of the id could reproduce.
/// </summary>
public sealed class ExportKey
{
    public const int Bytes = 32;
    private readonly byte[] key;

    private ExportKey(byte[] key) => this.key = key;

    public static ExportKey CreateRandom() => new(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>Reads the Base64 form written by <see cref="ToBase64"/>; a bad key fails without echoing it.</summary>
    public static ExportKey FromBase64(string text)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidDataException("the export key is not Base64 text");
        }
        if (bytes.Length != Bytes) throw new InvalidDataException($"the export key must be {Bytes} bytes");
        return new ExportKey(bytes);
    }

    public string ToBase64() => Convert.ToBase64String(key);

    /// <summary>The export's pseudonym of a stored episode ref: <c>e</c> + 32 letters.</summary>
    public string EpisodeRef(string storedEpisodeRef) => "e" + Pseudonym("episode", storedEpisodeRef);

    /// <summary>The export's pseudonym of a therapist's staff code: <c>t</c> + 32 letters.</summary>
    public string TherapistRef(string therapistId) => "t" + Pseudonym("therapist", therapistId);

    private string Pseudonym(string domain, string value)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(domain + '\u001f' + value));
        return Letters(mac.AsSpan(0, 16));
    }

    /// <summary>Each 4-bit half of a byte as one of the letters a–p.</summary>
    public static string Letters(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = (char)('a' + (bytes[i] >> 4));
            chars[2 * i + 1] = (char)('a' + (bytes[i] & 0xF));
        }
        return new string(chars);
    }
}
