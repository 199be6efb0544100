using System.Net;

namespace Cppcc.Bot.Tests.WebChat;

/// <summary>
/// Direct Line clients whose requests reach the bot from a chosen peer address (what Kestrel would report), optionally
/// with an X-Forwarded-For header made afresh for every request, as a spoofing client or a proxy would send it.
/// </summary>
internal static class AddressedClient
{
    public static DirectLineClient From(WebChatHost host, string peerAddress, Func<string>? forwardedFor = null)
    {
        var peer = IPAddress.Parse(peerAddress);
        // Runs before the app's pipeline, so the forwarded-headers middleware sees the peer as Kestrel would set it.
        HttpMessageHandler handler = host.Server.CreateHandler(context => context.Connection.RemoteIpAddress = peer);
        if (forwardedFor is not null)
        {
            handler = new ForwardedForHeader(forwardedFor) { InnerHandler = handler };
        }

        return new DirectLineClient(new HttpClient(handler) { BaseAddress = host.Server.BaseAddress });
    }

    /// <summary>Through a proxy on loopback (nginx on the same host) that reports <paramref name="forwardedFor"/>.</summary>
    public static DirectLineClient ViaLocalProxy(WebChatHost host, string forwardedFor) => From(host, "127.0.0.1", () => forwardedFor);

    private sealed class ForwardedForHeader(Func<string> value) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove("X-Forwarded-For");
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", value());
            return base.SendAsync(request, cancellationToken);
        }
    }
}
