using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Web;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto, believed only from OutcomesLab:Web:TrustedProxies (one hop).
/// Without trusted proxies serve ignores them: anyone can write them, and a client must not pick the
/// address its sign-in attempts are counted under.
/// </summary>
public static class TrustedProxies
{
    /// <summary>The forwarded-headers options, or null when no proxy is trusted.</summary>
    public static ForwardedHeadersOptions? Options(WebSettings web)
    {
        if (web.TrustedProxies.Count == 0) return null;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
        // The defaults trust loopback; only what is configured is trusted here.
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var entry in web.TrustedProxies)
        {
            if (IPAddress.TryParse(entry, out var ip)) options.KnownProxies.Add(ip);
            else options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
        }
        return options;
    }
}
