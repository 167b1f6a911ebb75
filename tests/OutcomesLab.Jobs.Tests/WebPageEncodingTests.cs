using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using OutcomesLab.Export.Audit;
using OutcomesLab.Jobs.Web;
using OutcomesLab.Presentation.Pages;
using OutcomesLab.Storage;
using OutcomesLab.TestSupport;

namespace OutcomesLab.Jobs.Tests;

/// <summary>
/// Values the web UI shows come from the store, the file system and the export log: markup in them
/// must reach every page kind as text, in element content and in attribute values.
/// </summary>
public class WebPageEncodingTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string Breakout = "\"><img src=x onerror=1>";

    private static void AssertEncoded(string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"><img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=1&gt;", html, StringComparison.Ordinal);
    }

    private static Task<string> PageAsync(string title, RenderFragment body, ClaimsPrincipal? user = null, string? logoutToken = null) =>
        HtmlPages.RenderAsync<UiLayout>(new Dictionary<string, object?>
        {
            [nameof(UiLayout.Title)] = title,
            [nameof(UiLayout.User)] = user ?? new ClaimsPrincipal(new ClaimsIdentity()),
            [nameof(UiLayout.UsersConfigured)] = user is not null,
            [nameof(UiLayout.LogoutToken)] = logoutToken,
            [nameof(UiLayout.Body)] = body,
        });

    [Fact]
    public async Task Pull_pages_encode_source_status_error_batch_file_and_column()
    {
        var pull = new StoreStatus.Pull { PullId = 7, Source = Script, StartedAt = "2026-01-05T06:00:00Z", Status = Breakout, Error = Script };
        var refusal = new StoreStatus.RefusalRow { Batch = Script, File = Breakout, Line = 3, ColumnName = Script, Rule = Breakout };
        AssertEncoded(await PageAsync(Script, PageBody.Of<PullDetailPage>(new Dictionary<string, object?>
        {
            [nameof(PullDetailPage.Pull)] = pull,
            [nameof(PullDetailPage.Refusals)] = new[] { refusal },
        })));
        AssertEncoded(await PageAsync("Pulls", PageBody.Of<PullsPage>(new Dictionary<string, object?> { [nameof(PullsPage.Pulls)] = new[] { pull } })));
        AssertEncoded(await PageAsync("Home", PageBody.Of<HomePage>(new Dictionary<string, object?>
        {
            [nameof(HomePage.Pulls)] = new[] { pull with { Status = Script, Source = Breakout } },
        })));
        AssertEncoded(await PageAsync(Script, PageBody.Message(Script, Breakout)));
    }

    [Fact]
    public async Task Layout_and_sign_in_form_encode_the_user_name_roles_tokens_and_the_error()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, Script), new Claim(ClaimTypes.Role, Breakout)], "test"));
        AssertEncoded(await PageAsync("Sign in", PageBody.Of<LoginForm>(new Dictionary<string, object?>
        {
            [nameof(LoginForm.Token)] = Breakout,
            [nameof(LoginForm.ReturnUrl)] = "/",
            [nameof(LoginForm.Error)] = Script,
        }), user, logoutToken: Breakout));
    }

    [Fact]
    public async Task Charts_page_encodes_chart_file_names()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(Path.Combine(folder.Path, Script.Replace('/', '_') + ".png"), []);
        File.WriteAllBytes(Path.Combine(folder.Path, Breakout + ".png"), []);
        var html = await PageAsync("Charts", PageBody.Of<ChartsPage>(new Dictionary<string, object?> { [nameof(ChartsPage.Folder)] = folder.Path }));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;_script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<figcaption>&quot;&gt;&lt;img src=x onerror=1&gt;</figcaption>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_page_encodes_the_log_the_requests_and_the_error()
    {
        var entry = new ExportLogEntry(1, Script, "2026-01-05T06:00:00Z", Breakout, Script, "{}", "[]", "{}", null, "", "");
        AssertEncoded(await PageAsync("Research exports", PageBody.Of<ExportsPage>(new Dictionary<string, object?>
        {
            [nameof(ExportsPage.Root)] = Script,
            [nameof(ExportsPage.Requested)] = Breakout,
            [nameof(ExportsPage.Token)] = Breakout,
            [nameof(ExportsPage.Error)] = Script,
            [nameof(ExportsPage.MinCell)] = 11,
            [nameof(ExportsPage.Admin)] = true,
            [nameof(ExportsPage.Requests)] = new[] { new ExportRequests.Row("1", Script, 11, Breakout, null, Script) },
            [nameof(ExportsPage.Entries)] = new[] { entry },
            [nameof(ExportsPage.Chain)] = new ChainVerification(false, 1, 1, Breakout, Script),
        })));
    }
}
