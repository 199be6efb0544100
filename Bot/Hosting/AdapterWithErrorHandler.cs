using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace Cppcc.Bot.Hosting;

/// <summary>
/// The CloudAdapter with the one turn-error handler: log with the conversation id (never user text), tell the user
/// in Chinese, and clear the conversation's dialog state so the same failure cannot loop.
/// </summary>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    private static readonly Cppcc.Dialogs.Framework.Localized ErrorText = new(
        "抱歉，处理您的消息时出错了，请稍后再试。当前流程已重置，没有保存不完整的内容。",
        "Sorry, something went wrong. The current step was reset and nothing incomplete was saved. Please try again.");

    /// <summary>Creates the adapter.</summary>
    public AdapterWithErrorHandler(BotFrameworkAuthentication auth, ConversationState conversationState, ILogger<AdapterWithErrorHandler> logger)
        : base(auth, logger)
    {
        OnTurnError = async (turn, exception) =>
        {
            logger.LogError(exception, "Turn failed in conversation {ConversationId} ({ActivityType})",
                turn.Activity.Conversation?.Id, turn.Activity.Type);
            try
            {
                await conversationState.DeleteAsync(turn);
                await turn.SendActivityAsync(ErrorText.For(turn));
            }
            catch (Exception inner)
            {
                logger.LogError(inner, "Could not recover conversation {ConversationId}", turn.Activity.Conversation?.Id);
            }
        };
    }

    /// <summary>
    /// The SDK's token check for <paramref name="activity"/> (anonymous when auth is off and no token is sent), done by
    /// the endpoint before the turn so that a refusal is a 401 with one log line, whatever the SDK throws.
    /// </summary>
    public Task<AuthenticateRequestResult> AuthenticateAsync(Activity activity, string? authHeader, CancellationToken cancellationToken)
        => BotFrameworkAuthentication.AuthenticateRequestAsync(activity, authHeader, cancellationToken);

    /// <summary>Runs the turn for an activity whose request passed <see cref="AuthenticateAsync"/> (expectReplies included).</summary>
    public Task<InvokeResponse> ProcessAuthenticatedAsync(AuthenticateRequestResult authentication, Activity activity, IBot bot, CancellationToken cancellationToken)
        => ProcessActivityAsync(authentication, activity, bot.OnTurnAsync, cancellationToken);
}
