using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Serialization;

namespace Cppcc.Bot.WebChat;

/// <summary>
/// Wraps the host's BotFrameworkAuthentication so that Connector clients for <see cref="WebChatChannel.ServiceUrl"/>
/// are anonymous and in-process. Without this, a bot with MicrosoftAppId set would try to get an AAD token before
/// every web chat reply. Everything else (inbound JWT checks, Teams, Azure channels) is the inner instance's.
/// </summary>
internal sealed class WebChatAuthentication(BotFrameworkAuthentication inner, HttpClient webChatConnector) : BotFrameworkAuthentication
{
    public override Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken);

    public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new WebChatConnectorFactory(inner.CreateConnectorFactory(claimsIdentity), webChatConnector);

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    private sealed class WebChatConnectorFactory(ConnectorFactory inner, HttpClient webChatConnector) : ConnectorFactory
    {
        private static readonly DefaultContractResolver SharedResolver = new();

        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
        {
            if (!WebChatChannel.IsEmbedded(serviceUrl))
            {
                return inner.CreateAsync(serviceUrl, audience, cancellationToken);
            }

            // ConnectorClient gives each instance a new DefaultContractResolver, and CloudAdapter makes one instance per
            // turn, so Newtonsoft reflected over Activity's type graph on every reply (~8 ms, 80% of a web chat turn
            // here). The resolver caches contracts and is thread-safe: share one, configured exactly as the SDK's.
            var client = new ConnectorClient(new Uri(serviceUrl), MicrosoftAppCredentials.Empty, webChatConnector, disposeHttpClient: false);
            client.SerializationSettings.ContractResolver = SharedResolver;
            client.DeserializationSettings.ContractResolver = SharedResolver;
            return Task.FromResult<IConnectorClient>(client);
        }
    }
}
