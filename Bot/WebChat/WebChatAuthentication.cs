using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Serialization;

namespace Cppcc.Bot.WebChat;

/// <summary>
/// Wraps the host's BotFrameworkAuthentication so that Connector clients for <see cref="WebChatChannel.ServiceUrl"/>
/// are anonymous and in-process (<see cref="WebChatConnectorClient"/>). Without this, a bot with MicrosoftAppId set
/// would try to get an AAD token before every web chat reply. Everything else (inbound JWT checks, Teams, Azure channels) is the inner instance's.
/// </summary>
internal sealed class WebChatAuthentication(BotFrameworkAuthentication inner, IConnectorClient webChatConnector) : BotFrameworkAuthentication
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

    private sealed class WebChatConnectorFactory(ConnectorFactory inner, IConnectorClient webChatConnector) : ConnectorFactory
    {
        private static IContractResolver? _serialization;
        private static IContractResolver? _deserialization;

        public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
        {
            if (WebChatChannel.IsEmbedded(serviceUrl))
            {
                return webChatConnector;
            }

            var client = await inner.CreateAsync(serviceUrl, audience, cancellationToken);
            ShareContractResolvers(client);
            return client;
        }

        /// <summary>
        /// ConnectorClient gives each instance new contract resolvers, and CloudAdapter makes one instance per turn
        /// (and per proactive send), so Newtonsoft reflected over Activity's type graph on every reply (~8 ms a turn
        /// when first measured). Resolvers cache contracts and are thread-safe: keep the first client's, exactly as the
        /// SDK configured them, and give them to every later client (Teams and delivery sends included).
        /// </summary>
        private static void ShareContractResolvers(IConnectorClient client)
        {
            if (client is not ConnectorClient connector)
            {
                return;
            }

            connector.SerializationSettings.ContractResolver =
                Interlocked.CompareExchange(ref _serialization, connector.SerializationSettings.ContractResolver, null) ?? connector.SerializationSettings.ContractResolver;
            connector.DeserializationSettings.ContractResolver =
                Interlocked.CompareExchange(ref _deserialization, connector.DeserializationSettings.ContractResolver, null) ?? connector.DeserializationSettings.ContractResolver;
        }
    }
}
