using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Web;

/// <summary>
/// Sign-in sessions: a cookie holding only a session key (<see cref="SignInSessions"/>), checked on
/// every request against the users configured now — a removed user or a changed password ends the
/// session, a changed role applies at once. Sessions last <see cref="SessionLifetime"/> from sign-in
/// and are not extended by use. The data-protection keys live in the state folder.
/// </summary>
public static class ServeAuthentication
{
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);
    private const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public static void AddServeAuthentication(this IServiceCollection services, ServeStateFolder state)
    {
        services.AddDataProtection().SetApplicationName("OutcomesLab serve").PersistKeysToFileSystem(new DirectoryInfo(state.Keys));
        services.AddSingleton(sp => new SignInSessions(state.Sessions, TimeProvider.System, sp.GetRequiredService<ILogger<SignInSessions>>()));
        services.AddSingleton<SignInThrottle>();
        services.AddAuthentication(Scheme).AddCookie(o =>
        {
            o.Cookie.Name = "outcomeslab.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/denied";
            o.ExpireTimeSpan = SessionLifetime;
            o.SlidingExpiration = false;
            o.Events.OnValidatePrincipal = ValidateAsync;
        });
        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<SignInSessions>((o, sessions) => o.SessionStore = sessions);
    }

    /// <summary>The principal of a signed-in user: name, current role, and the stamp of the password hash signed in with.</summary>
    public static ClaimsPrincipal Principal(UserSettings user) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Name.Trim()), new Claim(ClaimTypes.Role, user.Role), new Claim(SessionClaims.Stamp, UserDirectory.Stamp(user))],
            Scheme));

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var users = context.HttpContext.RequestServices.GetRequiredService<UserDirectory>();
        var user = users.Find(context.Principal?.Identity?.Name);
        if (user is not null && context.Principal!.FindFirstValue(SessionClaims.Stamp) == UserDirectory.Stamp(user))
        {
            context.ReplacePrincipal(Principal(user));
            return;
        }
        context.HttpContext.RequestServices.GetRequiredService<ILogger<SignInSessions>>()
            .LogInformation("a session ended: its user was removed or their password changed");
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Scheme);
    }
}
