using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Sessions;

/// <summary>Staff edit a session; members already reminded are told, and a moved session is reminded afresh.</summary>
public sealed class SessionUpdateAction(ISessions sessions, OfficeTime office) : CardAction<SessionUpdate>(office)
{
    /// <inheritdoc />
    public override Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    protected override async Task HandleAsync(RouteContext context, SessionUpdate submit, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var id = InputText.Fold(submit.SessionId).ToUpperInvariant();
        var title = InputText.Fold(submit.Title);
        var location = InputText.Fold(submit.Location);
        var startText = InputText.Fold(submit.StartsAt);
        DateTimeOffset? start = null;
        string? problem = null;
        if (id.Length == 0)
        {
            problem = SessionTexts.MissingField.Format(turn, "编号", "sessionId");
        }
        else if (title.Length > SessionDraftReader.MaxTitle)
        {
            problem = SessionTexts.BadField.Format(turn, "标题", "title", SessionTexts.TooLong.Format(turn, SessionDraftReader.MaxTitle));
        }
        else if (location.Length > SessionDraftReader.MaxLocation)
        {
            problem = SessionTexts.BadField.Format(turn, "地点", "location", SessionTexts.TooLong.Format(turn, SessionDraftReader.MaxLocation));
        }
        else if (startText.Length > 0)
        {
            if (!SessionDraftReader.TryParseStart(startText, Office, out var parsed))
            {
                problem = SessionTexts.BadField.Format(turn, "开始时间", "startsAt", SessionTexts.NotADate.For(turn));
            }
            else if (SessionDraftReader.StartProblem(turn, parsed, Office) is { } why)
            {
                problem = SessionTexts.BadField.Format(turn, "开始时间", "startsAt", why);
            }
            else
            {
                start = parsed;
            }
        }

        if (problem is not null)
        {
            await turn.SendActivityAsync(problem, cancellationToken: cancellationToken);
            return;
        }

        var updated = sessions.Update(id, title.Length > 0 ? title : null, start, location.Length > 0 ? location : null, context.Caller);
        var reply = updated is null
            ? SessionTexts.NoSuchSession.Format(turn, id)
            : SessionTexts.Moved.Format(turn, updated.Id, SessionTexts.When(updated.StartsAt, Office), updated.Location);
        await turn.SendActivityAsync(MessageFactory.Text(reply), cancellationToken);
    }
}
