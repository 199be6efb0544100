using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace Cppcc.Bot.Hosting;

/// <summary>
/// The CloudAdapter with the one turn-error handler: log with the conversation id (never user text), clear the
/// conversation's dialog state so the same failure cannot loop, and tell the user in Chinese (that the step was reset
/// only when it was). A service that cannot be
/// reached (the channel's serviceUrl, Graph) is one warning line: its stack trace says nothing the message does not.
/// </summary>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    /// <summary>Creates the adapter.</summary>
    public AdapterWithErrorHandler(BotFrameworkAuthentication auth, ConversationState conversationState, ILogger<AdapterWithErrorHandler> logger)
        : base(auth, logger)
    {
        OnTurnError = async (turn, exception) =>
        {
            if (Unreachable(exception) is { } unreachable)
            {
                logger.LogWarning("Turn failed in conversation {ConversationId} ({ActivityType}): a service could not be reached: {Reason}",
                    turn.Activity.Conversation?.Id, turn.Activity.Type, unreachable.Message);
            }
            else
            {
                logger.LogError(exception, "Turn failed in conversation {ConversationId} ({ActivityType})",
                    turn.Activity.Conversation?.Id, turn.Activity.Type);
            }

            var reset = true;
            try
            {
                await conversationState.DeleteAsync(turn);
            }
            catch (Exception inner) when (inner is not OperationCanceledException)
            {
                // Storage is what failed (a full disk): the user is still told, below, without the promise of a reset.
                logger.LogWarning("Could not reset conversation {ConversationId}: {Reason}", turn.Activity.Conversation?.Id, inner.Message);
                reset = false;
            }

            try
            {
                await turn.SendActivityAsync((reset ? TurnErrorTexts.Reset : TurnErrorTexts.NotReset).For(turn));
            }
            catch (Exception inner) when (Unreachable(inner) is { } gone)
            {
                // Usually the same unreachable channel again: worth a line only when the turn itself failed otherwise.
                logger.Log(Unreachable(exception) is null ? LogLevel.Warning : LogLevel.Debug,
                    "Could not tell conversation {ConversationId} of the failure: {Reason}", turn.Activity.Conversation?.Id, gone.Message);
            }
            catch (Exception inner)
            {
                logger.LogError(inner, "Could not recover conversation {ConversationId}", turn.Activity.Conversation?.Id);
            }
        };
    }

    private static HttpRequestException? Unreachable(Exception exception)
        => exception as HttpRequestException ?? exception.InnerException as HttpRequestException;

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
