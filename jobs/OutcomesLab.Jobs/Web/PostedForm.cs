using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace OutcomesLab.Jobs.Web;

/// <summary>
/// A posted form with a valid antiforgery token, or null. A form the framework cannot decode (a NUL
/// byte, a malformed encoding) counts as invalid — a 400 for the caller, not an exception.
/// </summary>
public static class PostedForm
{
    public static async Task<IFormCollection?> ReadAsync(HttpContext ctx, IAntiforgery antiforgery, CancellationToken ct)
    {
        try
        {
            return await antiforgery.IsRequestValidAsync(ctx) ? await ctx.Request.ReadFormAsync(ct) : null;
        }
        catch (Exception e) when (e is AntiforgeryValidationException or InvalidDataException)
        {
            return null;
        }
    }
}
