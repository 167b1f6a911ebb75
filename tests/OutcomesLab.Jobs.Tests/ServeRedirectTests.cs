using System.Net;
using OutcomesLab.Jobs.Tests.Support;
using OutcomesLab.TestSupport;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Tests;

/// <summary>The return URL after sign-in on the real `serve`: only a path on this site, whatever control characters or encodings it hides.</summary>
[Trait("Category", "EndToEnd")]
public class ServeRedirectTests
{
    /// <summary>Each of these, followed by a browser, would leave the site (or is not a plain path).</summary>
    public static readonly string[] Foreign =
    [
        "//evil.example/", "/\\evil.example", "\\\\evil.example", "/\t/evil.example", "/\r/evil.example", "/\n/evil.example",
        "/\t\\evil.example", "\t//evil.example", " //evil.example", "/\u000b/evil.example", "/\u0000/evil.example", "/\u007f/evil.example",
        "https://evil.example/", "http:/\\evil.example", "evil.example", "~//evil.example", "/%09/evil.example\r\nSet-Cookie: x=1",
    ];

    /// <summary>Encoded forms stay encoded in the Location header, so the browser stays on this site.</summary>
    public static readonly string[] EncodedButLocal = ["/%09/evil.example", "/%2F/evil.example", "/%5C/evil.example", "/%0d%0a/evil.example"];

    [Fact]
    public async Task SignIn_RedirectsOnlyToPathsOnThisSite()
    {
        using var folder = new TempFolder();
        var settings = AppSettingsFile.ForServe(folder, AppSettingsFile.User("rita", Roles.Researcher, "rita's long passphrase"));
        var (host, url) = await ServeFixture.StartAsync(folder, settings);
        await using var _ = host;
        var site = new Uri(url);

        foreach (var returnUrl in Foreign.Concat(EncodedButLocal).Append("/exports?from=sign-in"))
        {
            using var session = new WebSession(url);
            using var signIn = await session.SignInAsync("rita", "rita's long passphrase", returnUrl);
            var shown = Uri.EscapeDataString(returnUrl);
            if (returnUrl.Contains('\0', StringComparison.Ordinal))
            {
                // The framework's form reader refuses a NUL outright: the form is invalid, nobody is signed in.
                Assert.True(signIn.StatusCode == HttpStatusCode.BadRequest, $"{shown}: {(int)signIn.StatusCode}");
                continue;
            }
            Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"{shown}: {(int)signIn.StatusCode}");
            var location = signIn.Headers.Location!.OriginalString;
            Assert.False(location.Any(char.IsControl), $"{shown}: Location carries a control character");
            var target = new Uri(site, location);
            Assert.True(target.Authority == site.Authority && target.Scheme == site.Scheme, $"{shown} led to {target}");
            Assert.StartsWith("/", location, StringComparison.Ordinal);
            Assert.False(location.StartsWith("//", StringComparison.Ordinal) || location.StartsWith("/\\", StringComparison.Ordinal), $"{shown} led to {location}");
            if (Foreign.Contains(returnUrl)) Assert.Equal("/", location);
        }

        // The form itself does not carry a foreign return URL into its hidden field.
        using var anonymous = new WebSession(url);
        var form = await anonymous.GetTextAsync("/login?returnUrl=/%09/evil.example");
        Assert.Contains("name=\"returnUrl\" value=\"/\"", form, StringComparison.Ordinal);
    }
}
