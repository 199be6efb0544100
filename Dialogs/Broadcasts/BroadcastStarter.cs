using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Broadcasts;

/// <summary>Validates and starts a broadcast, replying with its id at once (shared by the card action and the dialog).</summary>
public sealed class BroadcastStarter(IBroadcasts broadcasts, ICallerResolver callers)
{
    /// <summary>Known audiences.</summary>
    public IReadOnlyList<string> Audiences() => broadcasts.Audiences();

    /// <summary>Starts <paramref name="request"/> or replies with what is wrong; returns the id or null.</summary>
    public async Task<string?> StartAsync(ITurnContext turn, BroadcastRequest request, CancellationToken cancellationToken)
    {
        var caller = callers.Resolve(turn.Activity);
        if (!caller.Has(Role.Staff))
        {
            // Read again here: the 通知 dialog may have begun before the sender was taken off the staff list.
            await turn.SendActivityAsync(RootTexts.NotAllowed.For(turn), cancellationToken: cancellationToken);
            return null;
        }

        var problem = BroadcastValidation.Problem(turn, request, broadcasts.Audiences());
        if (problem is not null)
        {
            await turn.SendActivityAsync(problem, cancellationToken: cancellationToken);
            return null;
        }

        var reference = ((Activity)turn.Activity).GetConversationReference();
        var started = await broadcasts.StartAsync(request with { Text = request.Text.Trim(), Link = request.Link?.Trim() }, caller, reference,
            cancellationToken);
        if (started.Recipients == 0)
        {
            await turn.SendActivityAsync(BroadcastTexts.NoRecipients.For(turn), cancellationToken: cancellationToken);
            return null;
        }

        if (started.Repeated)
        {
            await turn.SendActivityAsync(BroadcastTexts.AlreadySent.Format(turn, started.Id), cancellationToken: cancellationToken);
            return started.Id;
        }

        var text = BroadcastTexts.Started.Format(turn, started.Id, started.Recipients);
        if (started.Unreachable > 0)
        {
            text += "\n\n" + BroadcastTexts.Unreachable.Format(turn, started.Unreachable);
        }

        await turn.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
        await broadcasts.ShowProgressAsync(started.Id, cancellationToken);
        return started.Id;
    }
}
