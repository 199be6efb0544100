using System.Net;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Rest;

namespace Cppcc.Bot.WebChat;

/// <summary>The web chat keeps no attachments (visitors cannot upload): every attachment is unknown (404).</summary>
internal sealed class WebChatConnectorAttachments : IAttachments
{
    public Task<HttpOperationResponse<AttachmentInfo>> GetAttachmentInfoWithHttpMessagesAsync(
        string attachmentId, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        throw NotFound();

    public Task<HttpOperationResponse<Stream>> GetAttachmentWithHttpMessagesAsync(
        string attachmentId, string viewId, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        throw NotFound();

    public string GetAttachmentUri(string attachmentId, string viewId = "original") => WebChatChannel.ServiceUrl + "v3/attachments/" + attachmentId + "/views/" + viewId;

    private static ErrorResponseException NotFound() =>
        WebChatConnectorConversations.Failure(HttpStatusCode.NotFound, "NotFound", "The web chat channel keeps no attachments.");
}
