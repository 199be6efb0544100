using System.Net;
using Cppcc.Bot.Limits;
using Cppcc.Bot.Tests.WebChat;

namespace Cppcc.Bot.Tests.Hosting;

/// <summary>
/// Who the client is, as every per-address limit sees it: the peer, or what a configured proxy says in
/// X-Forwarded-For. Observed through the web chat's per-address token limit (one new conversation per address here).
/// </summary>
public sealed class TrustedProxyTests
{
    private const string Generate = "/v3/directline/tokens/generate";

    // ASP.NET Core's switch that the shipped systemd unit and Azure templates used to set: forwarded headers from anyone.
    private static readonly (string, string?) FrameworkSwitch = ("ForwardedHeaders_Enabled", "true");

    private static readonly (string, string?)[] OneConversationPerAddress =
        [("WebChat:ClientConversationBurst", "1"), ("WebChat:ClientConversationsPerMinute", "1")];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_spoofed_forwarded_for_from_a_client_that_is_no_proxy_is_ignored(bool frameworkSwitchOn)
    {
        await using var host = new WebChatHost(frameworkSwitchOn ? [.. OneConversationPerAddress, FrameworkSwitch] : OneConversationPerAddress);
        var n = 0;
        var spoofer = AddressedClient.From(host, "203.0.113.7", () => $"198.51.100.{++n}");

        await spoofer.GenerateAsync();
        using var second = await spoofer.SendAsync(HttpMethod.Post, Generate, null);

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_forwarded_for_from_the_local_proxy_names_the_client(bool frameworkSwitchOn)
    {
        // With the switch on, ASP.NET Core's own middleware reads the headers, under the same rules and only once.
        await using var host = new WebChatHost(frameworkSwitchOn ? [.. OneConversationPerAddress, FrameworkSwitch] : OneConversationPerAddress);

        await AddressedClient.ViaLocalProxy(host, "198.51.100.1").GenerateAsync();
        // Another visitor behind the same nginx has a limit of their own.
        await AddressedClient.ViaLocalProxy(host, "198.51.100.2").GenerateAsync();
        // nginx keeps whatever X-Forwarded-For the client sent and appends the address it saw: only that one counts.
        using var again = await AddressedClient.ViaLocalProxy(host, "192.0.2.99, 198.51.100.1").SendAsync(HttpMethod.Post, Generate, null);

        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
    }

    [Fact]
    public async Task Configured_proxy_networks_replace_loopback()
    {
        await using var host = new WebChatHost([.. OneConversationPerAddress, ("Hosting:KnownNetworks:0", "10.0.0.0/8")]);

        await AddressedClient.From(host, "10.1.2.3", () => "198.51.100.1").GenerateAsync();
        await AddressedClient.From(host, "10.1.2.3", () => "198.51.100.2").GenerateAsync();
        await AddressedClient.From(host, "127.0.0.1", () => "198.51.100.3").GenerateAsync();
        using var loopbackAgain = await AddressedClient.From(host, "127.0.0.1", () => "198.51.100.4").SendAsync(HttpMethod.Post, Generate, null);

        Assert.Equal(HttpStatusCode.TooManyRequests, loopbackAgain.StatusCode);
    }

    [Fact]
    public async Task IPv6_addresses_in_one_64_share_a_limit()
    {
        await using var host = new WebChatHost(OneConversationPerAddress);

        await AddressedClient.From(host, "2001:db8:1:2::1").GenerateAsync();
        using var sameNetwork = await AddressedClient.From(host, "2001:db8:1:2:ffff:ffff:ffff:fffe").SendAsync(HttpMethod.Post, Generate, null);
        await AddressedClient.From(host, "2001:db8:1:3::1").GenerateAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, sameNetwork.StatusCode);
    }

    [Theory]
    [InlineData("192.0.2.1", "192.0.2.1")]
    [InlineData("::ffff:192.0.2.1", "192.0.2.1")]
    [InlineData("2001:db8:aaaa:bbbb:1:2:3:4", "2001:db8:aaaa:bbbb::/64")]
    [InlineData("2001:db8:aaaa:bbbb::", "2001:db8:aaaa:bbbb::/64")]
    [InlineData("::1", "::/64")]
    public void The_limit_key_is_the_IPv4_address_or_the_IPv6_64(string address, string key)
        => Assert.Equal(key, ClientAddress.Key(IPAddress.Parse(address)));
}
