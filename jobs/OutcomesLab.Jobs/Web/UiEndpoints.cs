using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using OutcomesLab.Jobs.Hosting;
using OutcomesLab.Storage;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Web;

/// <summary>
/// The read-only web UI: the latest director report with its charts, the latest QI report (both as
/// published by the jobs under OutcomesLab:Output), and the last pulls with their refusal reports
/// (from the store). Nothing here writes; every page is guarded by <see cref="AccessRules"/>.
/// </summary>
public static class UiEndpoints
{
    public const int PullsShown = 25;
    /// <summary>A badly broken export can be refused row by row; the page stays readable.</summary>
    public const int RefusalsShown = 1000;
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static void MapOutcomesLabUi(this IEndpointRouteBuilder app, bool usersConfigured)
    {
        RouteHandlerBuilder Guard(RouteHandlerBuilder endpoint, string[] roles) => Guarded(endpoint, roles, usersConfigured);

        Guard(app.MapGet("/", async (HttpContext ctx, PipelineContext pipeline, IAntiforgery af, CancellationToken ct) =>
            Page(ctx, af, usersConfigured, "Home", await HomeAsync(ctx, pipeline, usersConfigured, ct))), AccessRules.Home);

        // One route per report: "/report" also matches the catch-all, and a second endpoint for it would be ambiguous.
        Guard(app.MapGet("/report/{**path}", (HttpContext ctx, PipelineContext pipeline, IAntiforgery af, string? path) =>
            PublishedFile(ctx, af, usersConfigured, OutputLayout.DirectorReports(pipeline.Settings), path, "Director report",
                "No director report yet: it is published by the report job after the first aggregate run.")), AccessRules.DirectorReport);

        Guard(app.MapGet("/qi/{**path}", (HttpContext ctx, PipelineContext pipeline, IAntiforgery af, string? path) =>
            PublishedFile(ctx, af, usersConfigured, OutputLayout.QualityReports(pipeline.Settings), path, "QI report",
                "No QI report yet: it is published by the weekly QI report job.")), AccessRules.QualityReport);

        // Browsers ask for it on every page; an empty answer keeps the logs and the browser console quiet.
        app.MapGet("/favicon.ico", () => Results.NoContent()).AllowAnonymous();

        Guard(app.MapGet("/charts", (HttpContext ctx, PipelineContext pipeline, IAntiforgery af) =>
            Page(ctx, af, usersConfigured, "Charts", Charts(pipeline.Settings))), AccessRules.DirectorReport);

        Guard(app.MapGet("/pulls", async (HttpContext ctx, PipelineContext pipeline, IAntiforgery af, CancellationToken ct) =>
            Page(ctx, af, usersConfigured, "Pulls", PageBody.Of<PullsPage>(new Dictionary<string, object?>
            {
                [nameof(PullsPage.Pulls)] = await StoreStatus.LatestPullsAsync(pipeline.Store, PullsShown, ct),
            }))), AccessRules.Pulls);

        Guard(app.MapGet("/pulls/{id:long}", async (HttpContext ctx, PipelineContext pipeline, IAntiforgery af, long id, CancellationToken ct) =>
        {
            var pull = await StoreStatus.PullAsync(pipeline.Store, id, ct);
            if (pull is null) return Page(ctx, af, usersConfigured, "Pull", PageBody.Message($"Pull #{UiText.Count(id)}", "There is no such pull."), StatusCodes.Status404NotFound);
            var refusals = await StoreStatus.RefusalsAsync(pipeline.Store, id, ct);
            return Page(ctx, af, usersConfigured, $"Pull #{id}", PageBody.Of<PullDetailPage>(new Dictionary<string, object?>
            {
                [nameof(PullDetailPage.Pull)] = pull,
                [nameof(PullDetailPage.Refusals)] = refusals,
            }));
        }), AccessRules.Pulls);
    }

    /// <summary>With users, the endpoint needs a signed-in user in one of <paramref name="roles"/>; without (loopback only), anyone here.</summary>
    internal static RouteHandlerBuilder Guarded(RouteHandlerBuilder endpoint, string[] roles, bool usersConfigured) =>
        usersConfigured ? endpoint.RequireAuthorization(p => p.RequireRole(roles)) : endpoint.AllowAnonymous();

    internal static IResult Page(HttpContext ctx, IAntiforgery af, bool usersConfigured, string title, RenderFragment body, int status = StatusCodes.Status200OK)
    {
        var token = usersConfigured && ctx.User.Identity?.IsAuthenticated == true ? af.GetAndStoreTokens(ctx).RequestToken : null;
        return new HtmlPageResult(title, ctx.User, usersConfigured, token, body, status);
    }

    private static async Task<RenderFragment> HomeAsync(HttpContext ctx, PipelineContext pipeline, bool usersConfigured, CancellationToken ct)
    {
        bool May(string[] rule) => !usersConfigured || AccessRules.Allows(rule, ctx.User);
        return PageBody.Of<HomePage>(new Dictionary<string, object?>
        {
            [nameof(HomePage.DirectorReport)] = May(AccessRules.DirectorReport) ? new PublishedReport(PublishedFolder.Latest(OutputLayout.DirectorReports(pipeline.Settings))) : null,
            [nameof(HomePage.QualityReport)] = May(AccessRules.QualityReport) ? new PublishedReport(PublishedFolder.Latest(OutputLayout.QualityReports(pipeline.Settings))) : null,
            [nameof(HomePage.ShowExports)] = May(AccessRules.Exports),
            [nameof(HomePage.ShowDashboard)] = May(AccessRules.Dashboard),
            [nameof(HomePage.Pulls)] = May(AccessRules.Pulls) ? await StoreStatus.LatestPullsAsync(pipeline.Store, 5, ct) : null,
        });
    }

    /// <summary>A file of the latest published folder; the file provider refuses paths outside it.</summary>
    private static IResult PublishedFile(HttpContext ctx, IAntiforgery af, bool usersConfigured, string root, string? path, string title, string missing)
    {
        // The report's relative links (charts/…) resolve against the folder, so its index lives at "/report/".
        if (string.IsNullOrEmpty(path) && !(ctx.Request.Path.Value ?? "").EndsWith('/')) return Results.Redirect(ctx.Request.Path + "/");
        var latest = PublishedFolder.Latest(root);
        if (latest is null) return Page(ctx, af, usersConfigured, title, PageBody.Message(title, missing), StatusCodes.Status404NotFound);
        var relative = string.IsNullOrEmpty(path) || path.EndsWith('/') ? (path ?? "") + "index.html" : path;
        using var files = new PhysicalFileProvider(latest);
        var file = files.GetFileInfo(relative);
        if (!file.Exists || file.IsDirectory || file.PhysicalPath is null) return Results.NotFound();
        if (!ContentTypes.TryGetContentType(file.Name, out var type)) type = "application/octet-stream";
        return Results.File(file.PhysicalPath, type);
    }

    private static RenderFragment Charts(OutcomesLabSettings settings)
    {
        var latest = PublishedFolder.Latest(OutputLayout.DirectorReports(settings));
        return PageBody.Of<ChartsPage>(new Dictionary<string, object?> { [nameof(ChartsPage.Folder)] = latest is null ? null : Path.Combine(latest, "charts") });
    }
}
