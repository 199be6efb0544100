using Microsoft.Bot.Connector;

namespace Cppcc.Bot.WebChat;

/// <summary>Fixed facts of the embedded web chat channel.</summary>
public static class WebChatChannel
{
    /// <summary>The role resolver gives this channel the public role only (docs/contract.md, Roles).</summary>
    public const string ChannelId = Channels.Webchat;

    /// <summary>
    /// The serviceUrl of every embedded web chat activity. Never resolvable (RFC 2606 ".invalid"): the Connector calls
    /// the bot makes to it are answered in-process by <see cref="WebChatConnectorHandler"/>, never sent on the network.
    /// </summary>
    public const string ServiceUrl = "http://" + ServiceHost + "/";

    public const string BotId = "cppcc-bot";

    private const string ServiceHost = "directline.webchat.invalid";

    public static bool IsEmbedded(string? serviceUrl) =>
        serviceUrl is not null && Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
        && string.Equals(uri.Host, ServiceHost, StringComparison.OrdinalIgnoreCase);
}
