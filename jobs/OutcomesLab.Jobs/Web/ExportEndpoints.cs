using System.Globalization;
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
using OutcomesLab.Jobs.Hosting;
using OutcomesLab.Jobs.Stages;
using OutcomesLab.Privacy;
using OutcomesLab.Configuration;

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
        var admin = !usersConfigured || ctx.User.IsInRole(Roles.Admin);
        var requests = ExportRequests.Recent(storage, admin ? null : ctx.User.Identity?.Name, RequestsShown);
        var (entries, chain) = await ExportStage.VerifiedLogAsync(pipeline.Store, settings.KeyFile, settings.ExportLogAnchor, ct);
        var body = PageBody.Of<ExportsPage>(new Dictionary<string, object?>
        {
            [nameof(ExportsPage.Root)] = root,
            [nameof(ExportsPage.Requested)] = requested,
            [nameof(ExportsPage.Token)] = token,
            [nameof(ExportsPage.Error)] = error,
            [nameof(ExportsPage.MinCell)] = settings.MinCell,
            [nameof(ExportsPage.Admin)] = admin,
            [nameof(ExportsPage.Requests)] = requests,
            [nameof(ExportsPage.Entries)] = entries,
            [nameof(ExportsPage.Chain)] = chain,
        });
        return UiEndpoints.Page(ctx, af, usersConfigured, "Research exports", body, status);
    }

    /// <summary>The disclosure-risk figures of a log entry, or placeholders when its JSON cannot be read.</summary>
    internal static (string K, string L, string Risk) Risk(string riskJson)
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
