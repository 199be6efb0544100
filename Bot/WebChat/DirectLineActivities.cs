using System.Text;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.WebChat;

/// <summary>Send and poll: POST and GET /v3/directline/conversations/{id}/activities.</summary>
internal static class DirectLineActivities
{
    private static readonly TimeSpan NoticeInterval = TimeSpan.FromSeconds(10);

    public static async Task<IResult> PostAsync(
        HttpContext http, string conversationId, DirectLineTokens tokens, WebChatConversations conversations,
        WebChatRateLimits limits, WebChatTranscript transcript, WebChatTurns turns, IOptions<WebChatOptions> options,
        TimeProvider time)
    {
        var (_, failure) = await DirectLineHttp.AuthorizeAsync(http, tokens, conversationId);
        if (failure is not null)
        {
            return failure;
        }

        if (await conversations.FindAsync(conversationId, http.RequestAborted) is not { } conversation)
        {
            return DirectLineHttp.Error(StatusCodes.Status404NotFound, "ConversationNotFound", WebChatTexts.ConversationEnded);
        }

        var now = time.GetUtcNow();
        conversation.Touch(now);
        if (!limits.ConversationMessages.TryTake(conversation.Id))
        {
            await NotifyAsync(conversation, transcript, WebChatTexts.TooFast, now);
            return DirectLineHttp.TooManyRequests(http);
        }

        var o = options.Value;
        var json = await DirectLineHttp.ReadBodyAsync(http.Request, o.MaxActivityBytes, http.RequestAborted);
        if (json is null)
        {
            await NotifyAsync(conversation, transcript, WebChatTexts.TooLarge, now);
            return DirectLineHttp.Error(StatusCodes.Status413PayloadTooLarge, "RequestTooLarge", WebChatTexts.TooLarge);
        }

        var activity = turns.NewActivity(conversation, ActivityTypes.Message);
        switch (ClientActivity.TryRead(json, o.MaxTextLength, activity))
        {
            case ClientActivityProblem.TooLong:
                var tooLong = string.Format(WebChatTexts.TooLong, o.MaxTextLength);
                await NotifyAsync(conversation, transcript, tooLong, now);
                return DirectLineHttp.Error(StatusCodes.Status413PayloadTooLarge, "MessageTooLong", tooLong);
            case ClientActivityProblem.Attachments:
                return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "UploadNotSupported", WebChatTexts.UploadNotSupported);
            case ClientActivityProblem.Malformed:
                return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "BadArgument", WebChatTexts.BadRequest);
        }

        string id;
        try
        {
            id = await transcript.AppendFromUserAsync(conversation, activity, http.RequestAborted);
        }
        catch (Postgres.WebChatConversationEndedException)
        {
            return DirectLineHttp.Error(StatusCodes.Status404NotFound, "ConversationNotFound", WebChatTexts.ConversationEnded);
        }

        await turns.RunAsync(conversation, activity, http.RequestAborted);
        return TypedResults.Ok(new ResourceId(id));
    }

    public static async Task<IResult> GetAsync(
        HttpContext http, string conversationId, DirectLineTokens tokens, WebChatConversations conversations, IWebChatActivityLog log,
        TimeProvider time)
    {
        var (_, failure) = await DirectLineHttp.AuthorizeAsync(http, tokens, conversationId);
        if (failure is not null)
        {
            return failure;
        }

        if (!DirectLineHttp.TryWatermark(http, out var watermark))
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "BadArgument", WebChatTexts.BadWatermark);
        }

        // 404 makes directlinejs end the conversation cleanly instead of polling forever.
        if (await conversations.FindAsync(conversationId, http.RequestAborted) is not { } conversation)
        {
            return DirectLineHttp.Error(StatusCodes.Status404NotFound, "ConversationNotFound", WebChatTexts.ConversationEnded);
        }

        conversation.Touch(time.GetUtcNow());
        var (activities, last) = await log.ReadAfterAsync(conversation, watermark, http.RequestAborted);
        return Results.Text(ActivitySet(activities, last), "application/json", Encoding.UTF8);
    }

    /// <summary>{"activities":[...],"watermark":"N"}: the body of a poll and of every stream message.</summary>
    public static string ActivitySet(IReadOnlyList<StoredActivity> activities, long last)
    {
        var json = new StringBuilder("{\"activities\":[");
        for (var i = 0; i < activities.Count; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(activities[i].Json);
        }

        return json.Append("],\"watermark\":\"").Append(last).Append("\"}").ToString();
    }

    private static async Task NotifyAsync(WebChatConversation conversation, WebChatTranscript transcript, string text, DateTimeOffset now)
    {
        if (conversation.ShouldNotify(now, NoticeInterval))
        {
            await transcript.AppendNoticeAsync(conversation, text, CancellationToken.None);
        }
    }

    private sealed record ResourceId(string Id);
}
