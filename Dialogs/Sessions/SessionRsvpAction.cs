using Cppcc.Dialogs.Root;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Sessions;

/// <summary><c>session.rsvp</c> from the reminder card's attend / absent buttons (members).</summary>
public sealed class SessionRsvpAction : ICardAction
{
    private readonly ISessions _sessions;

    /// <summary>Creates the action.</summary>
    public SessionRsvpAction(ISessions sessions) => _sessions = sessions;

    /// <inheritdoc />
    public string Name => "session.rsvp";

    /// <inheritdoc />
    public Role MinimumRole => Role.Member;

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, JObject value, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var response = Text(value, "response");
        var sessionId = (Text(value, "sessionId") ?? "").Trim();
        if (response is not ("attend" or "absent"))
        {
            await turn.SendActivityAsync(SessionTexts.RsvpBad.For(turn), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var attends = response == "attend";
        if (_sessions.Find(sessionId) is not { Cancelled: false } session || !_sessions.Rsvp(sessionId, context.Caller, attends))
        {
            await turn.SendActivityAsync(SessionTexts.RsvpGone.For(turn), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await ClickedCard.TryReplaceAsync(turn, RsvpCard.Build(turn, session, attends), cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var reply = attends ? SessionTexts.RsvpAttend : SessionTexts.RsvpAbsent;
        await turn.SendActivityAsync(reply.Format(turn, session.Title), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static string? Text(JObject value, string field) => value[field] is JValue { Value: not null } v ? v.ToString() : null;
}
