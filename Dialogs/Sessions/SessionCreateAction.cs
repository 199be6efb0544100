using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Sessions;

/// <summary><c>session.create</c> (staff): the reply contains the session id; bad fields are named, nothing is stored.</summary>
public sealed class SessionCreateAction : ICardAction
{
    private readonly ISessions _sessions;
    private readonly TimeProvider _time;

    /// <summary>Creates the action.</summary>
    public SessionCreateAction(ISessions sessions, TimeProvider time)
    {
        _sessions = sessions;
        _time = time;
    }

    /// <inheritdoc />
    public string Name => "session.create";

    /// <inheritdoc />
    public Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, JObject value, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var (draft, problem) = SessionDraftReader.Read(turn, value, _time.GetUtcNow(), _sessions.Audiences());
        if (draft is null)
        {
            await turn.SendActivityAsync(problem, cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await SendCreatedAsync(turn, _sessions.Create(draft, context.Caller), cancellationToken).ConfigureAwait(false);
    }

    internal static Task SendCreatedAsync(ITurnContext turn, SessionView s, CancellationToken cancellationToken)
        => turn.SendActivityAsync(MessageFactory.Text(SessionTexts.Created.Format(turn, SessionTexts.KindName(s.Kind), s.Title, s.Id,
            SessionTexts.When(s.StartsAt), s.Location)), cancellationToken);
}
