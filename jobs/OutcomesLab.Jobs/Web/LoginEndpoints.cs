using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace OutcomesLab.Jobs.Web;

/// <summary>
/// Sign-in with a form and a cookie (browsers, the dashboard's own links and scripts all carry it).
/// The form is protected by an antiforgery token; a failed attempt waits a moment and never says
/// which of name or password was wrong; failures are counted (<see cref="SignInThrottle"/>); the
/// return URL must be local. Signing out ends the session on the server (<see cref="SignInSessions"/>).
/// </summary>
public static class LoginEndpoints
{
    public const string TokenField = "__token";
    private static readonly TimeSpan FailureDelay = TimeSpan.FromSeconds(1);

    public static void MapLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext ctx, IAntiforgery antiforgery, string? returnUrl) =>
            Form(ctx, antiforgery, returnUrl, error: null, StatusCodes.Status200OK)).AllowAnonymous();

        app.MapPost("/login", async (HttpContext ctx, IAntiforgery antiforgery, UserDirectory users, SignInThrottle throttle, ILogger<UserDirectory> log) =>
        {
            if (await PostedForm.ReadAsync(ctx, antiforgery, ctx.RequestAborted) is not { } form) return Results.BadRequest("the sign-in form expired; reload the page");
            var returnUrl = form["returnUrl"].ToString();
            var name = form["name"].ToString();
            var client = ClientAddress.Of(ctx);
            // Refused before the password is hashed: a locked name stays locked for the right password too.
            if (throttle.Refusal(name, client) is { } wait)
            {
                log.LogWarning("sign-in refused from {Remote}: too many failed attempts for the name or from the client", client);
                var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
                ctx.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return Form(ctx, antiforgery, returnUrl, $"Too many failed sign-ins. Try again in {minutes} minute{(minutes == 1 ? "" : "s")}.",
                    StatusCodes.Status429TooManyRequests);
            }
            var user = users.SignIn(name, form["password"]);
            if (user is null)
            {
                throttle.Failed(name, client);
                // The attempted name is not logged: people type passwords into name fields.
                log.LogWarning("failed sign-in from {Remote}", client);
                await Task.Delay(FailureDelay);
                return Form(ctx, antiforgery, returnUrl, "Wrong name or password.", StatusCodes.Status401Unauthorized);
            }
            await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, ServeAuthentication.Principal(user));
            log.LogInformation("{User} signed in as {Role}", user.Name, user.Role);
            return IsLocal(returnUrl) ? Results.LocalRedirect(returnUrl) : Results.Redirect("/");
        }).AllowAnonymous().RequireSignInRateLimit();

        app.MapPost("/logout", async (HttpContext ctx, IAntiforgery antiforgery) =>
        {
            if (await PostedForm.ReadAsync(ctx, antiforgery, ctx.RequestAborted) is null) return Results.BadRequest("the page expired; reload it");
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        }).AllowAnonymous();
    }

    /// <summary>
    /// Only a path on this site, by the framework's own check: not "//host", "/\\host", nor any URL
    /// with a control character (browsers drop a tab or newline, turning "/\t/host" into "//host").
    /// </summary>
    public static bool IsLocal([NotNullWhen(true)] string? url) => RedirectHttpResult.IsLocalUrl(url) && url[0] == '/';

    private static IResult Form(HttpContext ctx, IAntiforgery antiforgery, string? returnUrl, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(ctx);
        var body = PageBody.Of<LoginForm>(new Dictionary<string, object?>
        {
            [nameof(LoginForm.Token)] = tokens.RequestToken,
            [nameof(LoginForm.ReturnUrl)] = IsLocal(returnUrl) ? returnUrl : "/",
            [nameof(LoginForm.Error)] = error,
        });
        return new HtmlPageResult("Sign in", ctx.User, usersConfigured: true, logoutToken: null, body, status);
    }
}
