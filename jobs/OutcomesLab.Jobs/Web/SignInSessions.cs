using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Logging;

namespace OutcomesLab.Jobs.Web;

/// <summary>
/// The server side of every sign-in: the cookie holds only a random session key, and a session
/// exists only while it is listed here. Signing out removes it, so a copied cookie dies with it.
/// The list survives a restart (<c>sessions.json</c>, owner-only, keys stored as SHA-256 so reading
/// the file does not hand out sessions); an unreadable list loses the sessions, never widens them.
/// </summary>
public sealed class SignInSessions : ITicketStore
{
    private sealed record Session(string User, string Stamp, DateTimeOffset Issued, DateTimeOffset Expires);

    private readonly Dictionary<string, Session> sessions;
    private readonly Lock gate = new();
    private readonly string file;
    private readonly TimeProvider time;

    public SignInSessions(string file, TimeProvider time, ILogger<SignInSessions> log)
    {
        this.file = file;
        this.time = time;
        sessions = Load(file, log);
    }

    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var issued = ticket.Properties.IssuedUtc ?? time.GetUtcNow();
        var session = new Session(ticket.Principal.Identity?.Name ?? throw new InvalidOperationException("a sign-in without a name"),
            ticket.Principal.FindFirstValue(SessionClaims.Stamp) ?? throw new InvalidOperationException("a sign-in without a stamp"),
            issued, ticket.Properties.ExpiresUtc ?? issued + ServeAuthentication.SessionLifetime);
        lock (gate)
        {
            sessions[Hash(key)] = session;
            SaveLocked();
        }
        return Task.FromResult(key);
    }

    /// <summary>Never called: sessions are not extended (no sliding expiration).</summary>
    public Task RenewAsync(string key, AuthenticationTicket ticket) => Task.CompletedTask;

    public Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        Session? session;
        lock (gate) sessions.TryGetValue(Hash(key), out session);
        if (session is null || session.Expires <= time.GetUtcNow()) return Task.FromResult<AuthenticationTicket?>(null);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, session.User), new Claim(SessionClaims.Stamp, session.Stamp)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        var properties = new AuthenticationProperties { IssuedUtc = session.Issued, ExpiresUtc = session.Expires, AllowRefresh = false };
        return Task.FromResult<AuthenticationTicket?>(new AuthenticationTicket(new ClaimsPrincipal(identity), properties, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    public Task RemoveAsync(string key)
    {
        lock (gate)
        {
            if (sessions.Remove(Hash(key))) SaveLocked();
        }
        return Task.CompletedTask;
    }

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Written whole to a new owner-only file, then renamed over the old: a crash leaves one or the other.</summary>
    private void SaveLocked()
    {
        var now = time.GetUtcNow();
        foreach (var expired in sessions.Where(s => s.Value.Expires <= now).Select(s => s.Key).ToList()) sessions.Remove(expired);
        var temp = file + ".tmp";
        File.Delete(temp);
        using (var stream = new FileStream(temp, new FileStreamOptions
               { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = ServeStateFolder.OwnerOnlyFile }))
        {
            JsonSerializer.Serialize(stream, sessions);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, file, overwrite: true);
    }

    private static Dictionary<string, Session> Load(string file, ILogger log)
    {
        if (!File.Exists(file)) return [];
        try
        {
            using var stream = File.OpenRead(file);
            return JsonSerializer.Deserialize<Dictionary<string, Session>>(stream) ?? [];
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            log.LogWarning("the sign-in session list {File} is unreadable ({Problem}); everyone signs in again", file, e.GetType().Name);
            return [];
        }
    }
}
