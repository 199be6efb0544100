using System.Net;
using System.Net.Sockets;

namespace Cppcc.Bot.Limits;

/// <summary>
/// The one key every per-address limit uses. An IPv4 client is its address; an IPv6 client is its /64, because one
/// household or phone is routinely given a whole /64 and can pick any address in it at will.
/// </summary>
public static class ClientAddress
{
    /// <summary>Key for requests whose peer address is not known (in-memory test servers, some sockets).</summary>
    public const string Unknown = "unknown";

    /// <summary>The limit key of <paramref name="address"/> (the peer after trusted forwarded headers were applied).</summary>
    public static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return Unknown;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>The limit key of the client behind <paramref name="http"/>.</summary>
    public static string Key(HttpContext http) => Key(http.Connection.RemoteIpAddress);
}
