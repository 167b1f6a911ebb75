namespace OutcomesLab.Configuration;

/// <summary>
/// One entry of <c>OutcomesLab:Users</c>: a person who may sign in to <c>serve</c>. The password is
/// stored only as a salted PBKDF2 hash made by <c>outcomeslab serve --hash-password</c>.
/// </summary>
public sealed class UserSettings
{
    public string Name { get; set; } = "";
    /// <summary>One of <see cref="Roles.All"/>.</summary>
    public string Role { get; set; } = "";
    /// <summary><see cref="PasswordHasher"/> format: <c>pbkdf2-sha256$iterations$salt$hash</c> (Base64).</summary>
    public string PasswordHash { get; set; } = "";
}
