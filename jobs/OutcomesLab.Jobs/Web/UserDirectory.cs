using OutcomesLab.Jobs.Hosting;

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
        var user = users.FirstOrDefault(u => string.Equals(u.Name.Trim(), name?.Trim(), StringComparison.OrdinalIgnoreCase));
        var ok = PasswordHasher.Verify(password ?? "", user?.PasswordHash ?? DecoyHash.Value);
        return user is not null && ok ? user : null;
    }
}
