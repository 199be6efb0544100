using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Broadcasts;

/// <summary>Validates and starts a broadcast, replying with its id at once (shared by the card action and the dialog).</summary>
public sealed class BroadcastStarter
{
    private readonly IBroadcasts _broadcasts;
    private readonly ICallerResolver _callers;

    /// <summary>Creates the starter.</summary>
    public BroadcastStarter(IBroadcasts broadcasts, ICallerResolver callers)
    {
        _broadcasts = broadcasts;
        _callers = callers;
    }

    /// <summary>Known audiences.</summary>
    public IReadOnlyList<string> Audiences() => _broadcasts.Audiences();

    /// <summary>Starts <paramref name="request"/> or replies with what is wrong; returns the id or null.</summary>
    public async Task<string?> StartAsync(ITurnContext turn, BroadcastRequest request, CancellationToken cancellationToken)
    {
        var caller = _callers.Resolve(turn.Activity);
        var problem = BroadcastValidation.Problem(turn, request, _broadcasts.Audiences());
        if (problem is not null)
        {
            await turn.SendActivityAsync(problem, cancellationToken: cancellationToken).ConfigureAwait(false);
            return null;
        }

        var reference = ((Activity)turn.Activity).GetConversationReference();
        var started = await _broadcasts.StartAsync(request with { Text = request.Text.Trim(), Link = request.Link?.Trim() }, caller, reference, cancellationToken)
            .ConfigureAwait(false);
        if (started.Recipients == 0)
        {
            await turn.SendActivityAsync(BroadcastTexts.NoRecipients.For(turn), cancellationToken: cancellationToken).ConfigureAwait(false);
            return null;
        }

        var text = BroadcastTexts.Started.Format(turn, started.Id, started.Recipients);
        if (started.Unreachable > 0)
            text += "\n\n" + BroadcastTexts.Unreachable.Format(turn, started.Unreachable);
        await turn.SendActivityAsync(MessageFactory.Text(text), cancellationToken).ConfigureAwait(false);
        await _broadcasts.ShowProgressAsync(started.Id, cancellationToken).ConfigureAwait(false);
        return started.Id;
    }
}
