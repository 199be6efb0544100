using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Root;

/// <summary>
/// Shows the new state of something on the card the user clicked (the submit's <c>replyToId</c>), instead of adding
/// messages under it: Teams replaces the card in place, so it never offers buttons that no longer apply.
/// </summary>
public static class ClickedCard
{
    /// <summary>
    /// Replaces the clicked card with <paramref name="card"/>; true when done. False when the message was not a card
    /// click or the channel refused the update: the caller then sends its reply as new messages.
    /// </summary>
    public static async Task<bool> TryReplaceAsync(ITurnContext turn, Attachment card, CancellationToken cancellationToken)
    {
        var clicked = turn.Activity.ReplyToId;
        if (string.IsNullOrEmpty(clicked) || turn.Activity.Value is null)
        {
            return false;
        }

        var update = MessageFactory.Attachment(card);
        update.Id = clicked;
        try
        {
            await turn.UpdateActivityAsync(update, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is ErrorResponseException or HttpRequestException or NotSupportedException or NotImplementedException)
        {
            // e.g. a channel without message updates, or a card too old to edit: a new message still shows the state.
            return false;
        }
    }
}
