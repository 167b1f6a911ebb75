using System.Security.Cryptography;
using System.Text;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Web;

/// <summary>The configured users, checked against their salted hashes.</summary>
public sealed class UserDirectory(IReadOnlyList<UserSettings> users)
{
    // Verified when the name is unknown, so a wrong name costs the same time as a wrong password.
    private static readonly Lazy<string> DecoyHash = new(() => PasswordHasher.Hash(Guid.NewGuid().ToString()));

    public bool Any => users.Count > 0;

    /// <summary>The user when the name and password match, else null.</summary>
    public UserSettings? SignIn(string? name, string? password)
    {
        var user = Find(name);
        var ok = PasswordHasher.Verify(password ?? "", user?.PasswordHash ?? DecoyHash.Value);
        return user is not null && ok ? user : null;
    }

    /// <summary>The configured user of that name (trimmed, case-insensitive), or null.</summary>
    public UserSettings? Find(string? name) =>
        users.FirstOrDefault(u => string.Equals(u.Name.Trim(), name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A value that changes whenever the user's password hash changes: a session signed in under an
    /// old password, or by a user who was removed and added again with a new one, no longer matches.
    /// </summary>
    public static string Stamp(UserSettings user) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("outcomeslab-session-stamp\n" + user.Name.Trim().ToUpperInvariant() + "\n" + user.PasswordHash)));
}
