using System.Net;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Hosting;

/// <summary>
/// Who may talk to the bot, and where the bot may answer, while Bot Framework authentication is off. Without a token
/// nothing vouches for the caller or for the <c>serviceUrl</c> it names, so both must be this machine or a network the
/// operator listed in <c>Hosting:AllowUnauthenticatedFrom</c>: otherwise anyone could claim to be a Teams member or
/// staff, and make the bot send requests to any address it can reach.
/// </summary>
public sealed class UnauthenticatedCallers
{
    private readonly IReadOnlyList<IPNetwork> _networks;

    /// <summary>Reads the allowed networks (validated at start-up).</summary>
    public UnauthenticatedCallers(IOptions<HostingOptions> options)
        => _networks = options.Value.AllowUnauthenticatedFrom.Select(c => IPNetwork.Parse(c.Trim())).ToList();

    /// <summary>Whether <paramref name="cidr"/> is a network in CIDR notation (<c>10.8.0.0/16</c>, <c>fd00::/8</c>).</summary>
    public static bool IsNetwork(string? cidr) => cidr is not null && IPNetwork.TryParse(cidr.Trim(), out _);

    /// <summary>
    /// Whether a caller at <paramref name="remote"/> may post without a token. No address at all means no network
    /// connection (the in-process test host, a Unix socket), which is local by construction. A request that still
    /// carries <c>X-Forwarded-For</c> was relayed by a proxy whose headers were not taken over from a known proxy
    /// (the forwarded-headers middleware removes what it applied): its address is the proxy's, say nginx on this
    /// machine, and the real client is unknown, so it is not trusted.
    /// </summary>
    public bool MayCall(IPAddress? remote, bool relayedByUnknownProxy)
        => !relayedByUnknownProxy && (remote is null || IsTrusted(remote));

    /// <summary>
    /// Whether replies may go to <paramref name="serviceUrl"/>: <c>localhost</c> or an address literal on loopback or in
    /// an allowed network. Other host names are refused, since what they resolve to can change after the check.
    /// </summary>
    public bool MaySendTo(Uri serviceUrl)
    {
        if (serviceUrl.HostNameType == UriHostNameType.Dns)
        {
            return string.Equals(serviceUrl.Host, "localhost", StringComparison.OrdinalIgnoreCase);
        }

        return IPAddress.TryParse(serviceUrl.DnsSafeHost, out var address) && IsTrusted(address);
    }

    private bool IsTrusted(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return IPAddress.IsLoopback(address) || _networks.Any(n => n.Contains(address));
    }
}
