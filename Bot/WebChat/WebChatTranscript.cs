using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace Cppcc.Bot.WebChat;

/// <summary>Stamps activities with their Direct Line id and time and appends them to a conversation as JSON for the client.</summary>
internal sealed class WebChatTranscript(IOptions<WebChatOptions> options, IWebChatActivityLog log, TimeProvider time)
{
    private static readonly JsonSerializerSettings Json = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
    };

    // object.MemberwiseClone as a delegate: Activity has no copy method of its own, and a JSON round trip costs what
    // the in-process Connector exists to save.
    private static readonly Func<object, object> ShallowCopy = typeof(object)
        .GetMethod("MemberwiseClone", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
        .CreateDelegate<Func<object, object>>();

    public ChannelAccount Bot => new(WebChatChannel.BotId, options.Value.BotName, RoleTypes.Bot);

    /// <summary>Appends the user's own activity (Web Chat waits for this echo to mark a message as sent).</summary>
    public async Task<string> AppendFromUserAsync(WebChatConversation conversation, Activity activity, CancellationToken cancellationToken)
    {
        // The same object goes on to the bot, which needs the serviceUrl; the client must not see it.
        var serviceUrl = activity.ServiceUrl;
        activity.ServiceUrl = null;
        try
        {
            return await AppendAsync(conversation, activity, keepId: null, cancellationToken);
        }
        finally
        {
            activity.ServiceUrl = serviceUrl;
        }
    }

    /// <summary>Appends what the bot sent through the Connector API; the client never sees the internal serviceUrl.</summary>
    public Task<string> AppendFromBotAsync(WebChatConversation conversation, Activity activity, string? keepId, CancellationToken cancellationToken)
    {
        // A shallow copy: the activity is still the bot's own object (a broadcast may send it again elsewhere).
        var shown = (Activity)ShallowCopy(activity);
        shown.From = Bot;
        shown.Recipient = new ChannelAccount(conversation.UserId, role: RoleTypes.User);
        shown.ServiceUrl = null;
        return AppendAsync(conversation, shown, keepId, cancellationToken);
    }

    /// <summary>A message from the channel itself (rate limit, size limit), shown like a bot message.</summary>
    public Task AppendNoticeAsync(WebChatConversation conversation, string text, CancellationToken cancellationToken) =>
        AppendFromBotAsync(conversation, new Activity(ActivityTypes.Message) { Text = text, Locale = "zh-CN" }, keepId: null, cancellationToken);

    private async Task<string> AppendAsync(WebChatConversation conversation, Activity activity, string? keepId, CancellationToken cancellationToken)
    {
        activity.ChannelId = WebChatChannel.ChannelId;
        activity.Conversation = new ConversationAccount(id: conversation.Id);
        activity.Timestamp = time.GetUtcNow().ToUniversalTime();
        var appended = await log.AppendAsync(conversation, id =>
        {
            // An update keeps the id it replaces, so Web Chat redraws that message instead of adding one.
            activity.Id = keepId ?? id;
            return JsonConvert.SerializeObject(activity, Json);
        }, cancellationToken);
        return keepId ?? appended;
    }
}
