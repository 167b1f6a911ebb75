using System.Globalization;
using System.Text;
using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Logging;
using OutcomesLab.Export;
using OutcomesLab.Export.Audit;
using OutcomesLab.Export.Pseudonyms;
using OutcomesLab.Ingest;
using OutcomesLab.Jobs.Hosting;
using OutcomesLab.Jobs.Stages;
using static OutcomesLab.Jobs.Web.Html;

namespace OutcomesLab.Jobs.Web;

/// <summary>
/// Research exports in the web UI, for researchers and admins (<see cref="AccessRules.Exports"/>): a
/// form that enqueues the export job (antiforgery token; the purpose is screened before it is queued),
/// the requests Hangfire still holds, the export log with its chain verified, and the files of exports
/// the job published. The one thing here that writes is the queued job; the job does the export.
/// </summary>
public static class ExportEndpoints
{
    public const string Path = "/exports";
    public const int RequestsShown = 20;
    /// <summary>Who an export requested from the web is logged as when serve has no users (loopback only).</summary>
    public const string LocalUser = "local (no sign-in)";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static void MapExports(this IEndpointRouteBuilder app, bool usersConfigured)
    {
        UiEndpoints.Guarded(app.MapGet(Path, async (HttpContext ctx, PipelineContext pipeline, JobStorage storage, IAntiforgery af, string? requested, CancellationToken ct) =>
            await PageAsync(ctx, pipeline, storage, af, usersConfigured, requested, error: null, StatusCodes.Status200OK, ct)), AccessRules.Exports, usersConfigured);

        UiEndpoints.Guarded(app.MapPost(Path, async (HttpContext ctx, PipelineContext pipeline, JobStorage storage, IAntiforgery af,
            IBackgroundJobClient jobs, ILogger<ExportJob> log, CancellationToken ct) =>
        {
            if (await PostedForm.ReadAsync(ctx, af, ct) is not { } form) return Results.BadRequest("the export form expired; reload the page");
            var purpose = form["purpose"].ToString().Trim();
            var minCell = pipeline.Settings.MinCell;
            string? error = null;
            if (ExportPurpose.Problem(purpose, IdentifierDetectors.Detect) is { } problem) error = "The purpose " + problem + ".";
            var k = minCell;
            var kText = form["k"].ToString().Trim();
            if (error is null && kText.Length > 0 && (!int.TryParse(kText, NumberStyles.None, CultureInfo.InvariantCulture, out k) || k < minCell))
                error = $"k must be a whole number of at least min_cell ({minCell}).";
            // A refused form never echoes the purpose: it may be exactly what the screen caught.
            if (error is not null) return await PageAsync(ctx, pipeline, storage, af, usersConfigured, null, error, StatusCodes.Status400BadRequest, ct);

            var items = IsChecked(form["items"]);
            var withTherapist = IsChecked(form["withTherapist"]);
            var user = RequestingUser(ctx, usersConfigured);
            var id = jobs.Enqueue<ExportJob>(job => job.RunAsync(purpose, k, items, withTherapist, user, null, CancellationToken.None));
            log.LogInformation("{User} requested a research export (job {JobId}, k {K})", user, id, k);
            return Results.Redirect($"{Path}?requested={Uri.EscapeDataString(id)}");
        }), AccessRules.Exports, usersConfigured);

        UiEndpoints.Guarded(app.MapGet(Path + "/{exportId}/{file}", (HttpContext ctx, PipelineContext pipeline, ILogger<ExportJob> log, string exportId, string file) =>
        {
            if (!ExportKeyFolder.IsExportId(exportId) || file.StartsWith('.') || file.IndexOfAny(['/', '\\']) >= 0) return Results.NotFound();
            var path = System.IO.Path.Combine(OutputLayout.Exports(pipeline.Settings), exportId, file);
            if (!File.Exists(path)) return Results.NotFound();
            if (!ContentTypes.TryGetContentType(file, out var type)) type = "application/octet-stream";
            log.LogInformation("{User} downloaded {File} of export {ExportId}", RequestingUser(ctx, usersConfigured), file, exportId);
            return Results.File(path, type, fileDownloadName: file);
        }), AccessRules.Exports, usersConfigured);
    }

    private static bool IsChecked(Microsoft.Extensions.Primitives.StringValues value) =>
        value.Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "on", StringComparison.OrdinalIgnoreCase));

    private static string RequestingUser(HttpContext ctx, bool usersConfigured) =>
        usersConfigured ? ctx.User.Identity?.Name ?? throw new InvalidOperationException("an export request without a signed-in user") : LocalUser;

    private static async Task<IResult> PageAsync(HttpContext ctx, PipelineContext pipeline, JobStorage storage, IAntiforgery af, bool usersConfigured,
        string? requested, string? error, int status, CancellationToken ct)
    {
        var settings = pipeline.Settings;
        var root = OutputLayout.Exports(settings);
        var token = af.GetAndStoreTokens(ctx).RequestToken;
        var html = new StringBuilder("<h1>Research exports</h1>");
        html.Append("<p class=\"muted\">A de-identified dataset for a stated purpose: fresh pseudonyms, k-anonymity (k counts people), ℓ-diversity of the presenting concern, ")
            .Append("no date finer than a quarter. The purpose and your name go into the append-only export log. Exports requested here are published in <code>")
            .Append(E(root)).Append("</code>, one folder per export id.</p>");
        if (requested is not null) html.Append("<p role=\"status\">Export requested (job ").Append(E(requested)).Append("); its state is below.</p>");
        html.Append("<form class=\"export\" method=\"post\" action=\"").Append(Path).Append("\"><h2>Request an export</h2>")
            .Append("<input type=\"hidden\" name=\"").Append(E(LoginEndpoints.TokenField)).Append("\" value=\"").Append(E(token)).Append("\">");
        if (error is not null) html.Append("<p class=\"error\" role=\"alert\">").Append(E(error)).Append("</p>");
        html.Append("<label for=\"purpose\">Purpose (required; logged; no names, ids or other identifiers)</label>")
            .Append("<input id=\"purpose\" name=\"purpose\" required maxlength=\"").Append(ExportPurpose.MaxLength.ToString(CultureInfo.InvariantCulture)).Append("\">")
            .Append("<label for=\"k\">k: the fewest people sharing any combination of quasi-identifiers (at least min_cell, ")
            .Append(E(settings.MinCell)).Append(")</label><input id=\"k\" name=\"k\" type=\"number\" min=\"").Append(E(settings.MinCell))
            .Append("\" value=\"").Append(E(settings.MinCell)).Append("\">")
            .Append("<label><input type=\"checkbox\" name=\"items\" value=\"true\">item-level answers (items.csv)</label>")
            .Append("<label><input type=\"checkbox\" name=\"withTherapist\" value=\"true\">an export-specific therapist pseudonym (a quasi-identifier: coarsens the rest)</label>")
            .Append("<p><button type=\"submit\">Request export</button></p></form>");

        var admin = !usersConfigured || ctx.User.IsInRole(Roles.Admin);
        var requests = ExportRequests.Recent(storage, admin ? null : ctx.User.Identity?.Name, RequestsShown);
        html.Append("<h2>").Append(admin ? "Recent export requests" : "Your recent export requests").Append("</h2>").Append(RequestTable(requests));

        var (entries, chain) = await ExportStage.VerifiedLogAsync(pipeline.Store, settings.KeyFile, settings.ExportLogAnchor, ct);
        html.Append("<h2 style=\"margin-top:1.5rem\">Export log</h2>").Append(LogTable(entries, chain, root));
        return UiEndpoints.Page(ctx, af, usersConfigured, "Research exports", html.ToString(), status);
    }

    private static string RequestTable(IReadOnlyList<ExportRequests.Row> rows)
    {
        if (rows.Count == 0) return "<p>None that the job queue still holds.</p>";
        var html = new StringBuilder("<table><thead><tr><th>job</th><th>requested by</th><th>k</th><th>state</th><th>when (UTC)</th><th>result</th></tr></thead><tbody>");
        foreach (var r in rows)
        {
            var css = r.State switch { "done" => "status-done", "failed" => "status-failed", _ => "" };
            html.Append("<tr><td>").Append(E(r.JobId)).Append("</td><td>").Append(E(r.RequestedBy)).Append("</td><td class=\"n\">").Append(E(r.K))
                .Append("</td><td class=\"").Append(css).Append("\">").Append(E(r.State)).Append("</td><td>")
                .Append(E(r.At?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))).Append("</td><td>").Append(E(r.Message)).Append("</td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    private static string LogTable(IReadOnlyList<ExportLogEntry> entries, ChainVerification chain, string root)
    {
        if (entries.Count == 0) return "<p>No exports yet.</p>";
        var html = new StringBuilder("<p class=\"").Append(chain.Intact ? "status-done" : "status-failed").Append("\">")
            .Append(chain.Intact
                ? $"Hash chain verified: {E(chain.Entries)} entries, head hash <code>{E(chain.HeadHash)}</code>."
                : $"Hash chain broken: {E(chain.Problem)}")
            .Append("</p><table><thead><tr><th>export</th><th>time (UTC)</th><th>purpose</th><th>user</th><th>k achieved</th><th>ℓ achieved</th><th>highest risk</th><th>chain</th><th>files</th></tr></thead><tbody>");
        foreach (var e in entries.Reverse())
        {
            var (k, l, risk) = Risk(e.Risk);
            var verified = chain.Intact || e.EntryId < chain.BrokenAtEntry;
            html.Append("<tr><td><code>").Append(E(e.ExportId)).Append("</code></td><td>").Append(E(UiEndpoints.Minutes(e.CreatedAt))).Append("</td><td>")
                .Append(E(e.Purpose)).Append("</td><td>").Append(E(e.UserName)).Append("</td><td class=\"n\">").Append(E(k)).Append("</td><td class=\"n\">").Append(E(l))
                .Append("</td><td class=\"n\">").Append(E(risk)).Append("</td><td class=\"").Append(verified ? "status-done\">verified" : "status-failed\">not verified")
                .Append("</td><td>").Append(Files(root, e.ExportId)).Append("</td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>Links to the files of an export the job published; exports made with the CLI live where the custodian put them.</summary>
    private static string Files(string root, string exportId)
    {
        var folder = System.IO.Path.Combine(root, exportId);
        if (!ExportKeyFolder.IsExportId(exportId) || !Directory.Exists(folder)) return "<span class=\"muted\">not published here</span>";
        var links = Directory.EnumerateFiles(folder).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal)
            .Select(f => $"<a href=\"{Path}/{E(exportId)}/{E(Uri.EscapeDataString(f!))}\">{E(f)}</a>");
        return string.Join("<br>", links);
    }

    private static (string K, string L, string Risk) Risk(string riskJson)
    {
        try
        {
            using var doc = JsonDocument.Parse(riskJson);
            var r = doc.RootElement;
            return (r.GetProperty("k_achieved").GetInt32().ToString(CultureInfo.InvariantCulture), r.GetProperty("l_achieved").GetInt32().ToString(CultureInfo.InvariantCulture),
                r.GetProperty("prosecutor_highest").GetDouble().ToString("0.####", CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return ("?", "?", "unreadable");
        }
    }
}
