using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using OutcomesLab.Jobs.Hosting;
using OutcomesLab.Storage;
using static OutcomesLab.Jobs.Web.Html;

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
            Page(ctx, af, usersConfigured, "Pulls", "<h1>Last pulls</h1>" + PullTable(await StoreStatus.LatestPullsAsync(pipeline.Store, PullsShown, ct)))), AccessRules.Pulls);

        Guard(app.MapGet("/pulls/{id:long}", async (HttpContext ctx, PipelineContext pipeline, IAntiforgery af, long id, CancellationToken ct) =>
        {
            var pull = await StoreStatus.PullAsync(pipeline.Store, id, ct);
            if (pull is null) return Page(ctx, af, usersConfigured, "Pull", $"<h1>Pull #{E(id)}</h1><p>There is no such pull.</p>", StatusCodes.Status404NotFound);
            var refusals = await StoreStatus.RefusalsAsync(pipeline.Store, id, ct);
            return Page(ctx, af, usersConfigured, $"Pull #{id}", PullDetail(pull, refusals));
        }), AccessRules.Pulls);
    }

    /// <summary>With users, the endpoint needs a signed-in user in one of <paramref name="roles"/>; without (loopback only), anyone here.</summary>
    internal static RouteHandlerBuilder Guarded(RouteHandlerBuilder endpoint, string[] roles, bool usersConfigured) =>
        usersConfigured ? endpoint.RequireAuthorization(p => p.RequireRole(roles)) : endpoint.AllowAnonymous();

    internal static IResult Page(HttpContext ctx, IAntiforgery af, bool usersConfigured, string title, string body, int status = StatusCodes.Status200OK)
    {
        var token = usersConfigured && ctx.User.Identity?.IsAuthenticated == true ? af.GetAndStoreTokens(ctx).RequestToken : null;
        return Results.Content(PageLayout.Render(title, ctx.User, usersConfigured, token, body), "text/html; charset=utf-8", statusCode: status);
    }

    private static async Task<string> HomeAsync(HttpContext ctx, PipelineContext pipeline, bool usersConfigured, CancellationToken ct)
    {
        bool May(string[] rule) => !usersConfigured || AccessRules.Allows(rule, ctx.User);
        var html = new StringBuilder("<h1>Outcomes and job health</h1><div class=\"cards\">");
        if (May(AccessRules.DirectorReport))
            html.Append(ReportCard("Director report", "/report/", OutputLayout.DirectorReports(pipeline.Settings), "/charts", "Outcomes by presenting concern and treatment approach."));
        if (May(AccessRules.QualityReport))
            html.Append(ReportCard("QI report", "/qi/", OutputLayout.QualityReports(pipeline.Settings), null, "Therapists, sites, alliance, dropout and clients not on track."));
        if (May(AccessRules.Exports))
            html.Append("<div class=\"card\"><h2>Research exports</h2><p class=\"muted\">De-identified datasets under disclosure control, each logged with its purpose.</p><a class=\"button\" href=\"/exports\">Request or download an export</a></div>");
        if (May(AccessRules.Dashboard))
            html.Append("<div class=\"card\"><h2>Jobs</h2><p class=\"muted\">Recurring pulls, aggregate and report runs, retries and failures.</p><a class=\"button\" href=\"/hangfire\">Open the job dashboard</a></div>");
        html.Append("</div>");
        if (May(AccessRules.Pulls))
        {
            var pulls = await StoreStatus.LatestPullsAsync(pipeline.Store, 5, ct);
            html.Append("<h2>Last pulls</h2>").Append(PullTable(pulls)).Append("<p><a href=\"/pulls\">All recent pulls</a></p>");
        }
        return html.ToString();
    }

    private static string ReportCard(string title, string href, string root, string? chartsHref, string what)
    {
        var latest = PublishedFolder.Latest(root);
        var html = new StringBuilder("<div class=\"card\"><h2>").Append(E(title)).Append("</h2><p class=\"muted\">").Append(E(what)).Append("</p>");
        if (latest is null) return html.Append("<p>Not published yet.</p></div>").ToString();
        var when = Directory.GetLastWriteTimeUtc(latest).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        html.Append("<p>Latest: ").Append(E(Path.GetFileName(latest))).Append(", published ").Append(E(when)).Append("</p><a class=\"button\" href=\"").Append(href).Append("\">Open</a>");
        if (chartsHref is not null) html.Append(" <a href=\"").Append(chartsHref).Append("\">Charts</a>");
        return html.Append("</div>").ToString();
    }

    /// <summary>A file of the latest published folder; the file provider refuses paths outside it.</summary>
    private static IResult PublishedFile(HttpContext ctx, IAntiforgery af, bool usersConfigured, string root, string? path, string title, string missing)
    {
        // The report's relative links (charts/…) resolve against the folder, so its index lives at "/report/".
        if (string.IsNullOrEmpty(path) && !(ctx.Request.Path.Value ?? "").EndsWith('/')) return Results.Redirect(ctx.Request.Path + "/");
        var latest = PublishedFolder.Latest(root);
        if (latest is null) return Page(ctx, af, usersConfigured, title, $"<h1>{E(title)}</h1><p>{E(missing)}</p>", StatusCodes.Status404NotFound);
        var relative = string.IsNullOrEmpty(path) || path.EndsWith('/') ? (path ?? "") + "index.html" : path;
        using var files = new PhysicalFileProvider(latest);
        var file = files.GetFileInfo(relative);
        if (!file.Exists || file.IsDirectory || file.PhysicalPath is null) return Results.NotFound();
        if (!ContentTypes.TryGetContentType(file.Name, out var type)) type = "application/octet-stream";
        return Results.File(file.PhysicalPath, type);
    }

    private static string Charts(OutcomesLabSettings settings)
    {
        var latest = PublishedFolder.Latest(OutputLayout.DirectorReports(settings));
        var folder = latest is null ? null : Path.Combine(latest, "charts");
        if (folder is null || !Directory.Exists(folder)) return "<h1>Charts</h1><p>No charts yet: they are published with the director report.</p>";
        var html = new StringBuilder("<h1>Charts of the latest director report</h1><p class=\"muted\">Select a chart for its scalable version.</p><div class=\"gallery\">");
        foreach (var png in Directory.EnumerateFiles(folder, "*.png").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(png);
            var stem = Path.GetFileNameWithoutExtension(png);
            var svg = File.Exists(Path.Combine(folder, stem + ".svg")) ? $"/report/charts/{Uri.EscapeDataString(stem)}.svg" : $"/report/charts/{Uri.EscapeDataString(name)}";
            html.Append("<figure><a href=\"").Append(E(svg)).Append("\"><img src=\"/report/charts/").Append(E(Uri.EscapeDataString(name)))
                .Append("\" alt=\"").Append(E(stem.Replace('-', ' ').Replace('_', ' '))).Append("\"></a><figcaption>").Append(E(stem)).Append("</figcaption></figure>");
        }
        return html.Append("</div>").ToString();
    }

    private static string PullTable(IReadOnlyList<StoreStatus.Pull> pulls)
    {
        if (pulls.Count == 0) return "<p>No pull yet.</p>";
        var html = new StringBuilder("<table><thead><tr><th>pull</th><th>source</th><th>started (UTC)</th><th>status</th><th>batches new</th><th>already ingested</th><th>episodes stored</th><th>answers stored</th><th>rows refused</th><th>files refused</th></tr></thead><tbody>");
        foreach (var p in pulls)
        {
            html.Append("<tr><td><a href=\"/pulls/").Append(p.PullId.ToString(CultureInfo.InvariantCulture)).Append("\">#").Append(E(p.PullId)).Append("</a></td><td>")
                .Append(E(p.Source)).Append("</td><td>").Append(E(Minutes(p.StartedAt))).Append("</td><td class=\"status-").Append(E(p.Status)).Append("\">").Append(E(p.Status))
                .Append(p.Error is null ? "" : $" ({E(p.Error)})").Append("</td><td class=\"n\">").Append(E(p.BatchesNew)).Append("</td><td class=\"n\">").Append(E(p.BatchesSeen))
                .Append("</td><td class=\"n\">").Append(E(p.EpisodesStored)).Append("</td><td class=\"n\">").Append(E(p.AnswersStored))
                .Append("</td><td class=\"n\">").Append(E(p.RowsRefused)).Append("</td><td class=\"n\">").Append(E(p.FilesRefused)).Append("</td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    private static string PullDetail(StoreStatus.Pull p, IReadOnlyList<StoreStatus.RefusalRow> refusals)
    {
        var html = new StringBuilder();
        html.Append("<h1>Pull #").Append(E(p.PullId)).Append("</h1><p>").Append(E(p.Source)).Append(" · started ").Append(E(Minutes(p.StartedAt)))
            .Append(p.FinishedAt is null ? "" : $" · finished {E(Minutes(p.FinishedAt))}").Append(" · <span class=\"status-").Append(E(p.Status)).Append("\">").Append(E(p.Status)).Append("</span>")
            .Append(p.Error is null ? "" : $" ({E(p.Error)})").Append("</p>");
        html.Append(PullTable([p]));
        html.Append("<h2 style=\"margin-top:1.5rem\">Refusal report</h2>");
        if (refusals.Count == 0) return html.Append("<p>Nothing was refused.</p>").ToString();
        html.Append("<p class=\"muted\">Where and why, never the refused value.").Append(refusals.Count > RefusalsShown
            ? $" The first {E(RefusalsShown)} of {E(refusals.Count)} are shown." : "")
            .Append("</p><table><thead><tr><th>batch</th><th>file</th><th>line</th><th>column</th><th>rule</th></tr></thead><tbody>");
        foreach (var r in refusals.Take(RefusalsShown))
        {
            html.Append("<tr><td>").Append(E(r.Batch)).Append("</td><td>").Append(E(r.File)).Append("</td><td class=\"n\">")
                .Append(r.Line is { } line ? E(line) : "").Append("</td><td>").Append(E(r.ColumnName)).Append("</td><td>").Append(E(r.Rule))
                .Append(r.WholeFile != 0 ? " — <strong>whole file refused</strong>" : "").Append("</td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>ISO timestamps as stored (round-trip "O"), shown to the minute.</summary>
    internal static string Minutes(string iso) =>
        DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : iso;
}
