using System.Net;

namespace OutcomesLab.Jobs.Web;

/// <summary>Which of the URLs <c>serve</c> is asked to listen on reach beyond this machine.</summary>
public static class ListenAddresses
{
    public static IReadOnlyList<string> Split(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// True only for localhost, 127.0.0.0/8 and ::1. Wildcards (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>,
    /// <c>[::]</c>), any other address or host name, and anything unparsable count as exposed.
    /// </summary>
    public static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://wildcard-any", StringComparison.Ordinal).Replace("://+", "://wildcard-any", StringComparison.Ordinal),
                UriKind.Absolute, out var uri)) return false;
        var host = uri.Host.Trim('[', ']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
    }

    public static IReadOnlyList<string> Exposed(string urls) => Split(urls).Where(u => !IsLoopback(u)).ToList();
}
