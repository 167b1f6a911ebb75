using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace OutcomesLab.Jobs.Web;

/// <summary>
/// Who is asking, for rate limits: the connection's address, which is the forwarded one only when the
/// connection comes from a configured trusted proxy (OutcomesLab:Web:TrustedProxies). An IPv6 client
/// counts per /64, the block one subscriber usually gets, so rotating addresses inside it does not help.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext ctx)
    {
        var ip = ctx.Connection.RemoteIpAddress;
        if (ip is null) return "unknown";
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (ip.AddressFamily != AddressFamily.InterNetworkV6) return ip.ToString();
        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
