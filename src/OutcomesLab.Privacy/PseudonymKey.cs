using System.Security.Cryptography;
using System.Text;
using OutcomesLab.Storage;

namespace OutcomesLab.Privacy;

/// <summary>
/// The pseudonym key (docs/contracts/configuration.md: Base64 text of 32 random bytes, surrounding
/// whitespace ignored). It lives outside the store and is never logged: errors name the file, never
/// the key.
/// </summary>
public sealed class PseudonymKey
{
    private readonly byte[] key;

    private PseudonymKey(byte[] key) => this.key = key;

    /// <summary>A key from raw bytes (tests, and the per-export keys of research exports).</summary>
    public static PseudonymKey FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 32) throw new ArgumentException("a pseudonym key is 32 bytes", nameof(bytes));
        return new PseudonymKey(bytes.ToArray());
    }

    public static PseudonymKey Load(string path)
    {
        WarnWhenOthersCanRead(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyFileException($"key file '{path}' {WhyUnreadable(path, e)}", e);
        }
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new KeyFileException($"key file '{path}' is not Base64 text");
        }
        if (bytes.Length != 32) throw new KeyFileException($"key file '{path}' must hold 32 bytes (256 bits), it holds {bytes.Length}");
        return new PseudonymKey(bytes);
    }

    private static string WhyUnreadable(string path, Exception e) => e switch
    {
        _ when Directory.Exists(path) => "is a folder, not a file",
        FileNotFoundException or DirectoryNotFoundException => "does not exist: give the key file that belongs to this store (--key-file, OUTCOMESLAB_KEY_FILE)",
        UnauthorizedAccessException => "cannot be read: permission denied",
        _ => "cannot be read",
    };

    private const UnixFileMode OthersAccess = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    /// <summary>One line on stderr when the key file is open to group or others: whoever reads it can re-identify pseudonyms.</summary>
    private static void WarnWhenOthersCanRead(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path)) return;
        try
        {
            if ((File.GetUnixFileMode(path) & OthersAccess) != 0)
                Console.Error.WriteLine($"warning: key file '{path}' is readable or writable by group or others; make it owner-only (chmod 600)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Reading it will report what is wrong.
        }
    }

    /// <summary>Writes a new random 256-bit key as Base64 text, readable by the owner only (mode 0600).</summary>
    public static PseudonymKey Create(string path)
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            writer.WriteLine(Convert.ToBase64String(bytes));
        }
        return new PseudonymKey(bytes);
    }

    /// <summary>The default key file of a SQLite store: beside it, named after it.</summary>
    public static string DefaultPathFor(StoreLocation location) => location.Value + ".key";

    /// <summary>
    /// The key a store uses: the given file; else, for SQLite, the file beside the store — generated
    /// when the store is new (<paramref name="created"/> tells the caller to say so). PostgreSQL has no
    /// "beside": a key file is required.
    /// </summary>
    public static PseudonymKey ForStore(StoreLocation location, string? keyFile, out bool created)
    {
        created = false;
        if (!string.IsNullOrWhiteSpace(keyFile)) return Load(keyFile);
        if (location.Dialect == Dialect.Postgres)
            throw new KeyFileException("a PostgreSQL store needs a key file: set OutcomesLab:KeyFile, OUTCOMESLAB_KEY_FILE or --key-file");
        var path = DefaultPathFor(location);
        if (File.Exists(path)) return Load(path);
        if (File.Exists(location.Value) && new FileInfo(location.Value).Length > 0)
            throw new KeyFileException($"store '{location.Value}' exists but its key file '{path}' does not: give the key file that belongs to this store");
        location.EnsureFolderExists();
        created = true;
        return Create(path);
    }

    /// <summary>Keyed HMAC-SHA256 pseudonym of a source id, per kind so one id gives unrelated refs across kinds.</summary>
    public string Pseudonym(string kind, string sourceId)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(kind + "\u001f" + sourceId), mac);
        return kind + "_" + Convert.ToHexStringLower(mac[..16]);
    }

    /// <summary>
    /// A per-episode day shift (0–3652 days) derived from the key: applied to every date of the
    /// episode, it keeps day offsets exact while hiding the calendar day.
    /// </summary>
    public int DayShift(string sourceEpisodeId)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("shift\u001f" + sourceEpisodeId), mac);
        return (int)(BitConverter.ToUInt32(mac[..4]) % 3653);
    }

    /// <summary>A check value stored in the store so a wrong key file is detected (not the key; not reversible).</summary>
    public string Fingerprint() => Pseudonym("keycheck", "outcomeslab");
}
