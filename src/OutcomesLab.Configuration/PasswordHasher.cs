using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OutcomesLab.Configuration;

/// <summary>
/// Salted password hashes for <see cref="UserSettings.PasswordHash"/>: PBKDF2-HMAC-SHA256 (RFC 8018)
/// with 600,000 iterations, the OWASP Password Storage Cheat Sheet figure for that PRF, a 16-byte
/// random salt and a 32-byte derived key, written as <c>pbkdf2-sha256$600000$salt$key</c> (Base64).
/// The iteration count travels with the hash so it can be raised later without breaking old ones.
/// </summary>
public static class PasswordHasher
{
    public const string Scheme = "pbkdf2-sha256";
    public const int DefaultIterations = 600_000;
    /// <summary>Hashes weaker than this are refused at start-up rather than silently accepted.</summary>
    public const int MinimumIterations = 100_000;
    private const int SaltBytes = 16;
    private const int KeyBytes = 32;

    public static string Hash(string password, int iterations = DefaultIterations)
    {
        if (string.IsNullOrEmpty(password)) throw new ArgumentException("a password must not be empty", nameof(password));
        if (iterations < MinimumIterations) throw new ArgumentOutOfRangeException(nameof(iterations), $"at least {MinimumIterations} iterations");
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, KeyBytes);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(key));
    }

    /// <summary>Why an encoded hash cannot be used, or null when it is well formed.</summary>
    public static string? Problem(string? encoded)
    {
        if (string.IsNullOrWhiteSpace(encoded)) return "is empty";
        var parts = encoded.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme) return $"is not a {Scheme} hash made by `outcomeslab serve --hash-password`";
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)) return "has no iteration count";
        if (iterations < MinimumIterations) return $"uses {iterations} iterations, fewer than the minimum {MinimumIterations}";
        if (!TryBase64(parts[2], out var salt) || salt.Length < SaltBytes) return "has no valid salt";
        if (!TryBase64(parts[3], out var key) || key.Length != KeyBytes) return "has no valid key";
        return null;
    }

    /// <summary>Compares in constant time; a malformed hash never matches.</summary>
    public static bool Verify(string password, string encoded)
    {
        if (Problem(encoded) is not null || password is null) return false;
        var parts = encoded.Split('$');
        var iterations = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static bool TryBase64(string s, out byte[] bytes)
    {
        bytes = new byte[s.Length];
        if (Convert.TryFromBase64String(s, bytes, out var n)) { bytes = bytes[..n]; return true; }
        return false;
    }
}
