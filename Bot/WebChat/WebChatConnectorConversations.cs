using System.Net;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Rest;

namespace Cppcc.Bot.WebChat;

/// <summary>
/// The Bot Connector conversation operations a bot uses, for embedded web chat conversations: send, reply and update
/// append to the conversation (pushed on its stream, returned by the next poll). Failures are the Connector's own
/// <see cref="ErrorResponseException"/> with the status a channel would answer, so delivery code classifies them as for
/// Teams: a visitor who left is 404.
/// </summary>
internal sealed class WebChatConnectorConversations(WebChatConversations conversations, WebChatTranscript transcript) : IConversations
{
    public Task<HttpOperationResponse<ResourceResponse>> SendToConversationWithHttpMessagesAsync(
        string conversationId, Activity activity, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        AppendAsync(conversationId, activity, keepId: null, cancellationToken);

    public Task<HttpOperationResponse<ResourceResponse>> ReplyToActivityWithHttpMessagesAsync(
        string conversationId, string activityId, Activity activity, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        AppendAsync(conversationId, activity, keepId: null, cancellationToken);

    public Task<HttpOperationResponse<ResourceResponse>> UpdateActivityWithHttpMessagesAsync(
        string conversationId, string activityId, Activity activity, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        AppendAsync(conversationId, activity, keepId: activityId, cancellationToken);

    public async Task<HttpOperationResponse> DeleteActivityWithHttpMessagesAsync(
        string conversationId, string activityId, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default)
    {
        await FindAsync(conversationId, cancellationToken);
        // REVIEW: Direct Line 3.0 has no way to retract an activity a client may already hold; accepted and ignored.
        return new HttpOperationResponse { Response = new HttpResponseMessage(HttpStatusCode.OK) };
    }

    public Task<HttpOperationResponse<ConversationsResult>> GetConversationsWithHttpMessagesAsync(
        string? continuationToken = null, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        throw NotSupported();

    public Task<HttpOperationResponse<ConversationResourceResponse>> CreateConversationWithHttpMessagesAsync(
        ConversationParameters parameters, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        throw NotSupported();

    public Task<HttpOperationResponse<ResourceResponse>> SendConversationHistoryWithHttpMessagesAsync(
        string conversationId, Transcript? transcript = null, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        throw NotSupported();

    public Task<HttpOperationResponse<IList<ChannelAccount>>> GetConversationMembersWithHttpMessagesAsync(
        string conversationId, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        throw NotSupported();

    public Task<HttpOperationResponse<ChannelAccount>> GetConversationMemberWithHttpMessagesAsync(
        string userId, string conversationId, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        throw NotSupported();

    public Task<HttpOperationResponse<PagedMembersResult>> GetConversationPagedMembersWithHttpMessagesAsync(
        string conversationId, int? pageSize = null, string? continuationToken = null, Dictionary<string, List<string>>? customHeaders = null,
        CancellationToken cancellationToken = default) =>
        throw NotSupported();

    public Task<HttpOperationResponse> DeleteConversationMemberWithHttpMessagesAsync(
        string conversationId, string memberId, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        throw NotSupported();

    public Task<HttpOperationResponse<IList<ChannelAccount>>> GetActivityMembersWithHttpMessagesAsync(
        string conversationId, string activityId, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        throw NotSupported();

    public Task<HttpOperationResponse<ResourceResponse>> UploadAttachmentWithHttpMessagesAsync(
        string conversationId, AttachmentData attachmentUpload, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        throw NotSupported();

    private async Task<HttpOperationResponse<ResourceResponse>> AppendAsync(
        string conversationId, Activity activity, string? keepId, CancellationToken cancellationToken)
    {
        var conversation = await FindAsync(conversationId, cancellationToken);
        string id;
        try
        {
            id = await transcript.AppendFromBotAsync(conversation, activity, keepId, cancellationToken);
        }
        catch (Postgres.WebChatConversationEndedException)
        {
            throw Ended();
        }

        return new HttpOperationResponse<ResourceResponse>
        {
            Body = new ResourceResponse(id),
            Response = new HttpResponseMessage(HttpStatusCode.OK),
        };
    }

    private async Task<WebChatConversation> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        await conversations.FindAsync(conversationId, cancellationToken)
            // The visitor left (or the conversation was cleaned up): a delivery engine records the recipient as gone.
            ?? throw Ended();

    private static ErrorResponseException Ended() =>
        Failure(HttpStatusCode.NotFound, "ConversationNotFound", "The web chat conversation has ended.");

    private static ErrorResponseException NotSupported() =>
        Failure(HttpStatusCode.MethodNotAllowed, "MethodNotAllowed", "Not supported by the web chat channel.");

    internal static ErrorResponseException Failure(HttpStatusCode status, string code, string message) => new(message)
    {
        Body = new ErrorResponse(new Error(code, message)),
        Response = new HttpResponseMessageWrapper(new HttpResponseMessage(status), message),
    };
}
