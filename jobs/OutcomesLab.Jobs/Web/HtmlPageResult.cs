using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using OutcomesLab.Presentation.Pages;

namespace OutcomesLab.Jobs.Web;

/// <summary>A web UI page: <see cref="UiLayout"/> around a body component, rendered by the one HTML renderer.</summary>
internal sealed class HtmlPageResult(string title, System.Security.Claims.ClaimsPrincipal user, bool usersConfigured, string? logoutToken,
    RenderFragment body, int status) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var html = await HtmlPages.RenderAsync<UiLayout>(new Dictionary<string, object?>
        {
            [nameof(UiLayout.Title)] = title,
            [nameof(UiLayout.User)] = user,
            [nameof(UiLayout.UsersConfigured)] = usersConfigured,
            [nameof(UiLayout.LogoutToken)] = logoutToken,
            [nameof(UiLayout.Body)] = body,
        });
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        await httpContext.Response.WriteAsync(html, httpContext.RequestAborted);
    }
}
