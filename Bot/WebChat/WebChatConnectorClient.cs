using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace Cppcc.Bot.WebChat;

/// <summary>
/// The Connector client the SDK gets for <see cref="WebChatChannel.ServiceUrl"/>: the bot's sends, replies and updates
/// are appended to the conversation as objects, in-process. The SDK's ConnectorClient would serialize each activity,
/// pass it through an HttpClient pipeline to be parsed back and serialized once more for the visitor, and be built
/// anew for every turn (its constructor alone reads assembly metadata for the User-Agent): measured, that was about a
/// third of the CPU of a web chat exchange. Here the activity is serialized once, into what the visitor reads.
/// </summary>
internal sealed class WebChatConnectorClient(WebChatConversations conversations, WebChatTranscript transcript) : IConnectorClient
{
    public Uri BaseUri { get; set; } = new(WebChatChannel.ServiceUrl);

    public JsonSerializerSettings SerializationSettings { get; } = new();

    public JsonSerializerSettings DeserializationSettings { get; } = new();

    public ServiceClientCredentials Credentials => MicrosoftAppCredentials.Empty;

    public IAttachments Attachments { get; } = new WebChatConnectorAttachments();

    public IConversations Conversations { get; } = new WebChatConnectorConversations(conversations, transcript);

    public void Dispose()
    {
        // Nothing is held: one instance serves every turn.
    }
}
