using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Sessions;

/// <summary>Staff schedule a session from a form: the reply contains the session id; bad fields are named, nothing is stored.</summary>
public sealed class SessionCreateAction(ISessions sessions, OfficeTime office) : CardAction<SessionCreate>(office)
{
    /// <inheritdoc />
    public override Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    protected override async Task HandleAsync(RouteContext context, SessionCreate submit, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var (draft, problem) = SessionDraftReader.Read(turn, submit, Office, sessions.Audiences());
        if (draft is null)
        {
            await turn.SendActivityAsync(problem, cancellationToken: cancellationToken);
            return;
        }

        // A double click on the form, or the form sent again, would remind every member twice.
        if (sessions.Upcoming(int.MaxValue).FirstOrDefault(s => s.Title == draft.Title && s.StartsAt == draft.StartsAt
                && s.Location == draft.Location && s.Audience == draft.Audience) is { } same)
        {
            await turn.SendActivityAsync(SessionTexts.AlreadyScheduled.Format(turn, same.Id), cancellationToken: cancellationToken);
            return;
        }

        await SendCreatedAsync(turn, sessions.Create(draft, context.Caller), Office, cancellationToken);
    }

    internal static Task SendCreatedAsync(ITurnContext turn, SessionView s, OfficeTime office, CancellationToken cancellationToken)
        => turn.SendActivityAsync(MessageFactory.Text(SessionTexts.Created.Format(turn, SessionTexts.KindName(s.Kind), s.Title, s.Id,
            SessionTexts.When(s.StartsAt, office), s.Location)), cancellationToken);
}
