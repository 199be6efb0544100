using System.Security.Claims;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace Cppcc.Bot.WebChat;

/// <summary>
/// Runs the bot for a web chat activity through the host's own CloudAdapter, so middleware, error handling, state and
/// dialogs are exactly those of /api/messages. Turns of one conversation run one at a time.
/// </summary>
internal sealed class WebChatTurns(
    CloudAdapter adapter, IBot bot, WebChatTranscript transcript, IConfiguration configuration, TimeProvider time, ILogger<WebChatTurns> logger)
{
    // The request did not come through the Bot Connector, so there is no JWT to validate: the identity says "this bot",
    // with the configured app id when there is one so the credential factory accepts it (any id works with auth off).
    private readonly ClaimsIdentity _identity = SelfIdentity(configuration["MicrosoftAppId"]);

    public Activity NewActivity(WebChatConversation conversation, string type) => new(type)
    {
        ChannelId = WebChatChannel.ChannelId,
        ServiceUrl = WebChatChannel.ServiceUrl,
        Conversation = new ConversationAccount(id: conversation.Id),
        From = new ChannelAccount(conversation.UserId, role: RoleTypes.User),
        Recipient = transcript.Bot,
        Locale = "zh-CN",
    };

    /// <summary>Tells the bot a visitor opened the page, as Azure's Direct Line does, so it can greet with its menu.</summary>
    public Task StartAsync(WebChatConversation conversation, CancellationToken cancellationToken)
    {
        var update = NewActivity(conversation, ActivityTypes.ConversationUpdate);
        update.Id = conversation.Id + "|start";
        update.MembersAdded = [update.From];
        update.Timestamp = time.GetUtcNow();
        return RunAsync(conversation, update, cancellationToken);
    }

    /// <param name="cancellationToken">Stops the wait for this conversation's previous turn only: a turn that has
    /// started runs to its end, so a visitor closing the page never leaves a half-written record.</param>
    public async Task RunAsync(WebChatConversation conversation, Activity activity, CancellationToken cancellationToken)
    {
        await conversation.TurnLock.WaitAsync(cancellationToken);
        try
        {
            // ContinueConversationAsync(ClaimsIdentity, Activity, ...) runs the full pipeline (OnTurnError included) on
            // the given activity: the one public CloudAdapter entry for an activity that did not come over HTTP.
            await adapter.ContinueConversationAsync(_identity, activity, bot.OnTurnAsync, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The adapter's OnTurnError has already told the visitor; this is only for operators.
            logger.LogError(ex, "Web chat turn failed for activity type {ActivityType}", activity.Type);
        }
        finally
        {
            conversation.TurnLock.Release();
        }
    }

    private static ClaimsIdentity SelfIdentity(string? appId)
    {
        var id = string.IsNullOrWhiteSpace(appId) ? WebChatChannel.BotId : appId;
        return new ClaimsIdentity(
        [
            new Claim(AuthenticationConstants.AudienceClaim, id),
            new Claim(AuthenticationConstants.AppIdClaim, id),
        ]);
    }
}
