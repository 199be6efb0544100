using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Sessions;

/// <summary>
/// <c>{"action":"session.update","sessionId","title"?,"startsAt"?,"location"?}</c> (staff): edits a session; members
/// already reminded are told, and a moved session is reminded afresh.
/// </summary>
public sealed class SessionUpdateAction : ICardAction
{
    private readonly ISessions _sessions;
    private readonly TimeProvider _time;

    /// <summary>Creates the action.</summary>
    public SessionUpdateAction(ISessions sessions, TimeProvider time)
    {
        _sessions = sessions;
        _time = time;
    }

    /// <inheritdoc />
    public string Name => "session.update";

    /// <inheritdoc />
    public Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, JObject value, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var id = Text(value, "sessionId").ToUpperInvariant();
        var title = Text(value, "title");
        var location = Text(value, "location");
        var startText = Text(value, "startsAt");
        DateTimeOffset? start = null;
        string? problem = null;
        if (id.Length == 0)
            problem = SessionTexts.MissingField.Format(turn, "编号", "sessionId");
        else if (title.Length > SessionDraftReader.MaxTitle)
            problem = SessionTexts.BadField.Format(turn, "标题", "title", SessionTexts.TooLong.Format(turn, SessionDraftReader.MaxTitle));
        else if (location.Length > SessionDraftReader.MaxLocation)
            problem = SessionTexts.BadField.Format(turn, "地点", "location", SessionTexts.TooLong.Format(turn, SessionDraftReader.MaxLocation));
        else if (startText.Length > 0)
        {
            if (!SessionDraftReader.TryParseStart(startText, _time.GetUtcNow(), out var parsed))
                problem = SessionTexts.BadField.Format(turn, "开始时间", "startsAt", SessionTexts.NotADate.For(turn));
            else if (parsed <= _time.GetUtcNow())
                problem = SessionTexts.BadField.Format(turn, "开始时间", "startsAt", SessionTexts.InThePast.For(turn));
            else
                start = parsed;
        }

        if (problem is not null)
        {
            await turn.SendActivityAsync(problem, cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var updated = _sessions.Update(id, title.Length > 0 ? title : null, start, location.Length > 0 ? location : null, context.Caller);
        var reply = updated is null
            ? SessionTexts.NoSuchSession.Format(turn, id)
            : SessionTexts.Moved.Format(turn, updated.Id, SessionTexts.When(updated.StartsAt), updated.Location);
        await turn.SendActivityAsync(MessageFactory.Text(reply), cancellationToken).ConfigureAwait(false);
    }

    // Dates may arrive already parsed by the channel's JSON reader (see SessionDraftReader).
    private static string Text(JObject value, string field) => value[field] switch
    {
        JValue { Value: DateTimeOffset dto } => dto.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
        JValue { Value: DateTime dt } => new DateTimeOffset(dt.ToUniversalTime(), TimeSpan.Zero).ToOffset(TimeSpan.FromHours(8))
            .ToString("o", System.Globalization.CultureInfo.InvariantCulture),
        JValue { Value: not null } v => InputText.Fold(v.ToString()),
        _ => "",
    };
}
