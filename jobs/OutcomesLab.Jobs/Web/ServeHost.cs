using Hangfire;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OutcomesLab.Jobs.Hosting;
using OutcomesLab.Jobs.Scheduling;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Web;

/// <summary>
/// <c>outcomeslab serve</c>: Kestrel with the Hangfire server, the dashboard at /hangfire and the
/// read-only web UI. Loopback only unless users are configured; once they are, every page needs a
/// signed-in user with the right role (<see cref="ServeAuthentication"/>). Only the listen names are
/// answered (<see cref="AllowedHostNames"/>), and sign-in attempts are limited.
/// </summary>
public static partial class ServeHost
{
    public const string DashboardPath = "/hangfire";

    /// <summary>Refuses, with one line, to listen beyond loopback without users to sign in.</summary>
    public static void CheckExposure(IEnumerable<string> urls, OutcomesLabSettings settings)
    {
        var exposed = urls.Where(u => !ListenAddresses.IsLoopback(u)).ToList();
        if (exposed.Count > 0 && settings.Users.Count == 0)
            throw new SettingsException(
                $"serve refuses to listen on {string.Join(", ", exposed)} without users: configure OutcomesLab:Users (name, role, PasswordHash from `outcomeslab serve --hash-password`) or listen on 127.0.0.1 only");
    }

    public static async Task<WebApplication> BuildAsync(OutcomesLabSettings settings, string urls, CancellationToken ct)
    {
        var listen = ListenAddresses.Split(urls);
        if (listen.Count == 0) throw new SettingsException("--urls is empty");
        CheckExposure(listen, settings);

        var pipeline = await PipelineContext.OpenAsync(settings, TimeProvider.System, ct);
        try
        {
            var storage = await JobStorageFactory.CreateAsync(settings, ct);
            var state = ServeStateFolder.Open(settings);
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory(), Args = [] });
            builder.WebHost.UseKestrel(k => k.AddServerHeader = false).UseUrls([.. listen]);
            HostLogging.Configure(builder.Logging);
            var startupLog = new StartupLogGate();
            startupLog.Apply(builder.Logging);
            builder.Services.AddSingleton(startupLog);
            builder.Services.AddSingleton(state);
            builder.Services.AddOutcomesLabJobs(pipeline, storage);
            builder.Services.AddSingleton(new UserDirectory(settings.Users));
            builder.Services.AddAntiforgery(o =>
            {
                o.FormFieldName = LoginEndpoints.TokenField;
                o.Cookie.Name = "outcomeslab.af";
                o.Cookie.SameSite = SameSiteMode.Strict;
            });
            builder.Services.AddServeAuthentication(state);
            builder.Services.AddAuthorization();
            builder.Services.AddSignInRateLimit();
            builder.Services.Configure<HostFilteringOptions>(o =>
            {
                o.AllowedHosts = [.. AllowedHostNames.For(listen, settings.Web)];
                o.AllowEmptyHosts = false;
                o.IncludeFailureMessage = false;
            });
            var trustedProxies = TrustedProxies.Options(settings.Web);

            var app = builder.Build();
            try
            {
                JobServices.DeclareRecurringJobs(app.Services);
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }
            if (AllowedHostNames.AnyWildcard(listen) && settings.Web.AllowedHosts.Count == 0)
                app.Logger.LogWarning("listening on every interface: only this machine's name and addresses are accepted in the Host header; add the names people type to OutcomesLab:Web:AllowedHosts");
            if (state.OpenToOthers())
                app.Logger.LogWarning("{Folder} (serve's key ring and sessions) is open to other users; make it 0700", state.Path);
            // The forwarded client address first (only from trusted proxies), then the Host check: no page is reached through a foreign name.
            if (trustedProxies is not null) app.UseForwardedHeaders(trustedProxies);
            app.UseHostFiltering();
            var usersConfigured = settings.Users.Count > 0;
            app.Use(SecurityHeaders);
            app.UseRateLimiter();
            app.UseAuthentication();
            if (usersConfigured) app.Use(SignInBeforeDashboard);
            app.UseAuthorization();
            app.UseHangfireDashboard(DashboardPath, new DashboardOptions
            {
                Authorization = [new DashboardAdminFilter(usersConfigured)],
                DashboardTitle = "OutcomesLab jobs",
                AppPath = "/",
                DisplayStorageConnectionString = false,
            });
            if (usersConfigured) app.MapLogin();
            app.MapGet("/denied", () => Results.Content(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not allowed — OutcomesLab</title></head><body><h1>Not allowed</h1><p>Your role does not give access to this page. <a href=\"/\">Home</a></p></body></html>",
                "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden)).AllowAnonymous();
            app.MapOutcomesLabUi(usersConfigured);
            app.MapExports(usersConfigured);
            app.Lifetime.ApplicationStopped.Register(() => pipeline.DisposeAsync().AsTask().GetAwaiter().GetResult());
            return app;
        }
        catch
        {
            await pipeline.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts listening; an address that cannot be bound (in use, not allowed, not on this machine)
    /// becomes one <see cref="ListenFailedException"/> line instead of the host's logged stack trace.
    /// </summary>
    public static async Task StartAsync(WebApplication app, string urls, CancellationToken ct)
    {
        try
        {
            await app.StartAsync(ct);
        }
        catch (Exception e) when (e is IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException } or System.Net.Sockets.SocketException)
        {
            var address = BindFailure().Match(e.Message) is { Success: true } m ? m.Groups[1].Value : string.Join(", ", ListenAddresses.Split(urls));
            var why = (e.InnerException ?? e) switch
            {
                Microsoft.AspNetCore.Connections.AddressInUseException => "the address is already in use (another serve, or another program, listens there)",
                System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AccessDenied } => "not allowed (ports below 1024 need privileges)",
                System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressNotAvailable } => "the address is not one of this machine's",
                var other => other.Message.Split('\n')[0].TrimEnd('.'),
            };
            throw new ListenFailedException($"serve cannot listen on {address}: {why}; choose another with --urls or OutcomesLab:Web:Urls", e);
        }
        app.Services.GetRequiredService<StartupLogGate>().Open();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"address (\S+?):? ")]
    private static partial System.Text.RegularExpressions.Regex BindFailure();

    /// <summary>
    /// The addresses Kestrel actually bound (port 0 resolved). Checked again after start: Kestrel
    /// endpoints from appsettings.json or ASPNETCORE_URLS must not open what --urls kept closed.
    /// </summary>
    public static IReadOnlyList<string> BoundAddresses(WebApplication app, OutcomesLabSettings settings)
    {
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        CheckExposure(bound, settings);
        return bound;
    }

    private static async Task SecurityHeaders(HttpContext ctx, Func<Task> next)
    {
        var h = ctx.Response.Headers;
        h.XContentTypeOptions = "nosniff";
        h["Referrer-Policy"] = "no-referrer";
        if (!ctx.Request.Path.StartsWithSegments(DashboardPath))
        {
            // Reports and charts are static: no script runs in our pages or in a served SVG.
            h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'none'; frame-ancestors 'self'; form-action 'self'";
            h.CacheControl = "no-store";
        }
        h.XFrameOptions = "SAMEORIGIN";
        await next();
    }

    /// <summary>A browser without a session that asks for the dashboard goes to the sign-in form (Hangfire itself would answer a bare 401).</summary>
    private static async Task SignInBeforeDashboard(HttpContext ctx, Func<Task> next)
    {
        if (ctx.Request.Path.StartsWithSegments(DashboardPath) && ctx.User.Identity?.IsAuthenticated != true)
        {
            await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.ChallengeAsync(ctx, CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        await next();
    }
}
