using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Knowledge;

/// <summary>
/// Tells a staff member, on their next message, that passed-on questions reached nobody and wait for an answer: they
/// were offline when the questions came, so no ticket card could reach them.
/// </summary>
public sealed class KnowledgeWaitingNotice(IKnowledgeInbox inbox) : ITurnNotice
{
    /// <inheritdoc />
    public string? Notice(ITurnContext turn, Caller caller)
    {
        if (!caller.Has(Role.Staff))
        {
            return null;
        }

        var waiting = inbox.TakeWaitingNotice(caller);
        return waiting > 0 ? KnowledgeStaffTexts.WaitingNotice.Format(turn, waiting) : null;
    }
}
