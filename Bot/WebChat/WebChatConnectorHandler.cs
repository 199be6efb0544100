using System.Net;
using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace Cppcc.Bot.WebChat;

/// <summary>
/// The Bot Connector API (the part a bot calls) for embedded web chat conversations, answered in-process: the SDK's
/// real ConnectorClient sends here for <see cref="WebChatChannel.ServiceUrl"/>, so replies, updates and proactive
/// messages all take the same path as on Teams, and nothing listens on the network for them.
/// </summary>
internal sealed class WebChatConnectorHandler(WebChatConversations conversations, WebChatTranscript transcript) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // v3/conversations/{conversationId}/activities[/{activityId}]
        var segments = request.RequestUri!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length is < 4 or > 5 || segments[0] != "v3" || segments[1] != "conversations" || segments[3] != "activities")
        {
            return Error(HttpStatusCode.NotFound, "NotFound", "Only conversation activities are supported by the web chat channel.");
        }

        if (!conversations.TryGet(Uri.UnescapeDataString(segments[2]), out var conversation))
        {
            // The visitor left (or the conversation was cleaned up): a delivery engine records the recipient as gone.
            return Error(HttpStatusCode.NotFound, "ConversationNotFound", "The web chat conversation has ended.");
        }

        var activityId = segments.Length == 5 ? Uri.UnescapeDataString(segments[4]) : null;
        if (request.Method == HttpMethod.Delete && activityId is not null)
        {
            // REVIEW: Direct Line 3.0 has no way to retract an activity a client may already hold; accepted and ignored.
            return Ok(activityId);
        }

        var isSend = request.Method == HttpMethod.Post;
        var isUpdate = request.Method == HttpMethod.Put && activityId is not null;
        if (!isSend && !isUpdate)
        {
            return Error(HttpStatusCode.MethodNotAllowed, "MethodNotAllowed", "Not supported by the web chat channel.");
        }

        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var activity = JsonConvert.DeserializeObject<Activity>(body);
        if (activity is null)
        {
            return Error(HttpStatusCode.BadRequest, "BadArgument", "Missing activity.");
        }

        var id = transcript.AppendFromBot(conversation, activity, isUpdate ? activityId : null);
        return Ok(id);
    }

    private static HttpResponseMessage Ok(string id) => Json(HttpStatusCode.OK, JsonConvert.SerializeObject(new ResourceResponse(id)));

    private static HttpResponseMessage Error(HttpStatusCode status, string code, string message) =>
        Json(status, JsonConvert.SerializeObject(new ErrorResponse(new Error(code, message))));

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
