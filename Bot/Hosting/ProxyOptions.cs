using System.Net;

namespace Cppcc.Bot.Hosting;

/// <summary>
/// Which peers may tell the bot who the client is (X-Forwarded-For / -Proto). Bound to the "Hosting" section. Every
/// per-address limit keys on the address these headers yield, so a header from anyone else is ignored: trusting it
/// from everyone lets one client appear as any number of addresses.
/// </summary>
public sealed class ProxyOptions
{
    /// <summary>Configuration section (shared with <see cref="HostingOptions"/>).</summary>
    public const string Section = "Hosting";

    /// <summary>
    /// Addresses of reverse proxies in front of the bot. The default, loopback, is nginx on the same host (README,
    /// "Deploy" B); an empty list in configuration keeps the default, so list another address to replace it.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>
    /// Networks (CIDR, e.g. <c>10.0.0.0/8</c>) whose every address is a proxy. On Azure App Service the platform's front
    /// end is the app's only peer, so the templates set <c>0.0.0.0/0</c> and <c>::/0</c> there.
    /// </summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>
    /// How many proxies deep to read X-Forwarded-For from the right. One: only the entry the nearest proxy appended;
    /// whatever the client wrote before it is not evidence of anything.
    /// </summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>The proxies to trust: the configured ones, or loopback when none are configured.</summary>
    public IReadOnlyList<IPAddress> Proxies() =>
        KnownProxies.Count == 0 && KnownNetworks.Count == 0
            ? [IPAddress.Loopback, IPAddress.IPv6Loopback]
            : KnownProxies.Select(IPAddress.Parse).ToList();

    /// <summary>The configured proxy networks.</summary>
    public IReadOnlyList<System.Net.IPNetwork> Networks() => KnownNetworks.Select(System.Net.IPNetwork.Parse).ToList();

    /// <summary>The first entry that is not an address or a CIDR network, as "key: value", or null when all parse.</summary>
    public string? FirstInvalid()
    {
        for (var i = 0; i < KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(KnownProxies[i], out _))
            {
                return $"{Section}:{nameof(KnownProxies)}:{i} = '{KnownProxies[i]}'";
            }
        }

        for (var i = 0; i < KnownNetworks.Count; i++)
        {
            if (!System.Net.IPNetwork.TryParse(KnownNetworks[i], out _))
            {
                return $"{Section}:{nameof(KnownNetworks)}:{i} = '{KnownNetworks[i]}'";
            }
        }

        return null;
    }
}
