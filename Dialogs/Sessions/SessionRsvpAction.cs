using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Sessions;

/// <summary>A member answers a reminder with its attend / absent button; the clicked card then shows the answer.</summary>
public sealed class SessionRsvpAction(ISessions sessions, OfficeTime office) : CardAction<SessionRsvp>(office)
{
    /// <inheritdoc />
    public override Role MinimumRole => Role.Member;

    /// <inheritdoc />
    protected override async Task HandleAsync(RouteContext context, SessionRsvp submit, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        if (submit.Response is not (SessionRsvp.Attend or SessionRsvp.Absent))
        {
            await turn.SendActivityAsync(SessionTexts.RsvpBad.For(turn), cancellationToken: cancellationToken);
            return;
        }

        var attends = submit.Response == SessionRsvp.Attend;
        var sessionId = (submit.SessionId ?? "").Trim();
        if (sessions.Find(sessionId) is not { Cancelled: false } session)
        {
            await turn.SendActivityAsync(SessionTexts.RsvpGone.For(turn), cancellationToken: cancellationToken);
            return;
        }

        // 学习安排 names every session's id to staff, and an id can be typed into a hand-made submit: an answer from outside
        // the audience would count as attendance of a session the member was never invited to.
        if (!sessions.InAudience(session, context.Caller))
        {
            await turn.SendActivityAsync(SessionTexts.RsvpNotInAudience.Format(turn, session.Title), cancellationToken: cancellationToken);
            return;
        }

        // The reminder card stays in the chat: an answer clicked once the session has begun would count as attendance.
        if (session.StartsAt <= Office.UtcNow || !sessions.Rsvp(sessionId, context.Caller, attends))
        {
            await turn.SendActivityAsync(SessionTexts.RsvpClosed.Format(turn, session.Title), cancellationToken: cancellationToken);
            return;
        }

        if (await ClickedCard.TryReplaceAsync(turn, SessionCards.Answered(session, attends, turn.Activity.Locale, Office), cancellationToken))
        {
            return;
        }

        var reply = attends ? SessionTexts.RsvpAttend : SessionTexts.RsvpAbsent;
        await turn.SendActivityAsync(reply.Format(turn, session.Title), cancellationToken: cancellationToken);
    }
}
