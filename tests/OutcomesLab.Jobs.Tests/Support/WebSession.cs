using System.Net;
using System.Text.RegularExpressions;

namespace OutcomesLab.Jobs.Tests.Support;

/// <summary>
/// A browser-like HTTP session against `serve`: keeps cookies, does not follow redirects (tests look at them), signs in through the form.
/// Given the cookies of another session it carries on that session (against a restarted serve, or as an attacker who copied them).
/// </summary>
public sealed partial class WebSession : IDisposable
{
    public CookieContainer Cookies { get; }

    private readonly HttpClient http;

    public WebSession(string baseUrl, CookieContainer? cookies = null)
    {
        Cookies = cookies ?? new CookieContainer();
        http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = Cookies })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<string> GetTextAsync(string path)
    {
        using var response = await GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}\n{body}");
        return body;
    }

    /// <summary>Fills in and posts the sign-in form; returns the response (a redirect on success).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string name, string password, string returnUrl = "/")
    {
        var form = await GetTextAsync("/login");
        var token = TokenField().Match(form);
        Assert.True(token.Success, "the sign-in form carries an antiforgery token");
        return await http.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__token"] = WebUtility.HtmlDecode(token.Groups[1].Value), ["name"] = name, ["password"] = password, ["returnUrl"] = returnUrl,
        }));
    }

    /// <summary>The antiforgery token of a form on <paramref name="path"/> (any page with a form: the sign-out button will do).</summary>
    public async Task<string> TokenAsync(string path)
    {
        var token = TokenField().Match(await GetTextAsync(path));
        Assert.True(token.Success, $"{path} carries an antiforgery token");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>Presses the sign-out button of the home page.</summary>
    public async Task SignOutAsync()
    {
        using var response = await PostAsync("/logout", new() { ["__token"] = await TokenAsync("/") });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields) =>
        await http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));

    [GeneratedRegex("name=\"__token\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    /// <summary>A copy of every cookie this session holds, as an attacker who lifted them from the browser would have.</summary>
    public CookieContainer CopyCookies()
    {
        var copy = new CookieContainer();
        foreach (Cookie c in Cookies.GetAllCookies()) copy.Add(new Cookie(c.Name, c.Value, c.Path, c.Domain));
        return copy;
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => http.SendAsync(request);

    public void Dispose() => http.Dispose();
}
