using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

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
                await conversationState.DeleteAsync(turn).ConfigureAwait(false);
                await turn.SendActivityAsync(ErrorText.For(turn)).ConfigureAwait(false);
            }
            catch (Exception inner)
            {
                logger.LogError(inner, "Could not recover conversation {ConversationId}", turn.Activity.Conversation?.Id);
            }
        };
    }
}
