using System.Net;
using System.Net.NetworkInformation;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Web;

/// <summary>
/// The Host header values serve answers (any other gets 400): the loopback names, the hosts of the
/// listen URLs, OutcomesLab:Web:AllowedHosts, and — for a wildcard listen address — this machine's
/// name and its interface addresses. A page on another site cannot rebind its own name to us.
/// </summary>
public static class AllowedHostNames
{
    public static IReadOnlyList<string> For(IEnumerable<string> listenUrls, WebSettings web)
    {
        var hosts = new SortedSet<string>(StringComparer.OrdinalIgnoreCase) { "localhost", "127.0.0.1", "[::1]" };
        foreach (var url in listenUrls)
        {
            if (Host(url) is { } host && !IsWildcard(host))
                hosts.Add(host);
            else
                AddThisMachine(hosts);
        }
        foreach (var extra in web.AllowedHosts) hosts.Add(extra.Trim());
        return [.. hosts];
    }

    /// <summary>True when a listen URL is a wildcard (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>): its names cannot be derived.</summary>
    public static bool AnyWildcard(IEnumerable<string> listenUrls) => listenUrls.Any(url => Host(url) is not { } host || IsWildcard(host));

    private static string? Host(string url) =>
        Uri.TryCreate(url.Replace("://*", "://wildcard-any", StringComparison.Ordinal).Replace("://+", "://wildcard-any", StringComparison.Ordinal),
            UriKind.Absolute, out var uri) ? uri.Host : null;

    private static bool IsWildcard(string host) =>
        host is "wildcard-any" or "0.0.0.0" or "[::]" || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)));

    private static void AddThisMachine(SortedSet<string> hosts)
    {
        hosts.Add(Environment.MachineName);
        foreach (var address in NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address))
        {
            if (address.IsIPv6LinkLocal) continue;
            hosts.Add(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString());
        }
    }
}
