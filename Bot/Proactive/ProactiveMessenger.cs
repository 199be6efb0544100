using System.Runtime.ExceptionServices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;

namespace Cppcc.Bot.Proactive;

/// <summary>
/// Sends one activity to a stored conversation, outside any user turn, through the adapter's real ConnectorClient.
/// Failures (e.g. <see cref="ErrorResponseException"/> with 429/403/5xx) reach the caller unchanged so a delivery
/// engine can classify them.
/// </summary>
public sealed class ProactiveMessenger
{
    private readonly CloudAdapter _adapter;
    private readonly string _botAppId;

    /// <summary>Creates the messenger.</summary>
    public ProactiveMessenger(CloudAdapter adapter, IConfiguration configuration)
    {
        _adapter = adapter;
        // With no app id configured the SDK sends without credentials; with one, it must be exactly this id.
        _botAppId = configuration["MicrosoftAppId"] ?? "";
    }

    /// <summary>Sends <paramref name="activity"/>; returns the id the channel gave it (for updates in place).</summary>
    public async Task<string?> SendAsync(ConversationReference reference, IActivity activity, CancellationToken cancellationToken)
    {
        string? id = null;
        await RunAsync(reference, async (turn, ct) => id = (await turn.SendActivityAsync(activity, ct))?.Id,
            cancellationToken);
        return id;
    }

    /// <summary>Replaces the earlier activity <paramref name="activityId"/> (e.g. a progress card) with <paramref name="activity"/>.</summary>
    public Task UpdateAsync(ConversationReference reference, string activityId, IActivity activity, CancellationToken cancellationToken)
    {
        activity.Id = activityId;
        return RunAsync(reference, (turn, ct) => turn.UpdateActivityAsync(activity, ct), cancellationToken);
    }

    private async Task RunAsync(ConversationReference reference, Func<ITurnContext, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        var continuation = reference.GetContinuationActivity();
        // Without an id the SDK posts to the conversation instead of replying to a random activity id.
        continuation.Id = null;
        ExceptionDispatchInfo? failure = null;
        await _adapter.ContinueConversationAsync(_botAppId, continuation, async (turn, ct) =>
        {
            try
            {
                await send(turn, ct);
            }
            catch (Exception e)
            {
                // Keep it away from the adapter's OnTurnError, which would message the user about it.
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }, cancellationToken);
        failure?.Throw();
    }
}
