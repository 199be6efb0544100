using System.Globalization;
using Cppcc.Dialogs.Audit;
using Cppcc.Dialogs.Root;
using Cppcc.Dialogs.Sessions;

namespace Cppcc.Bot.Audit;

/// <summary>Records session create, edit and cancel, with the session before and after.</summary>
public sealed class AuditedSessions : ISessions
{
    private readonly ISessions _inner;
    private readonly IAuditTrail _trail;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public AuditedSessions(ISessions inner, IAuditTrail trail)
    {
        _inner = inner;
        _trail = trail;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Audiences() => _inner.Audiences();

    /// <inheritdoc />
    public SessionView Create(SessionDraft draft, Caller creator)
    {
        var created = _inner.Create(draft, creator);
        _trail.Record(creator.UserKey, creator.Name, "session.create", created.Id, null, Describe(created));
        return created;
    }

    /// <inheritdoc />
    public IReadOnlyList<SessionView> Upcoming(int max) => _inner.Upcoming(max);

    /// <inheritdoc />
    public SessionView? Find(string id) => _inner.Find(id);

    /// <inheritdoc />
    public SessionView? Update(string id, string? title, DateTimeOffset? startsAt, string? location, Caller editor)
    {
        var before = _inner.Find(id);
        var after = _inner.Update(id, title, startsAt, location, editor);
        if (after is not null)
        {
            _trail.Record(editor.UserKey, editor.Name, "session.update", id, before is null ? null : Describe(before), Describe(after));
        }

        return after;
    }

    /// <inheritdoc />
    public bool Cancel(string id, Caller editor)
    {
        var before = _inner.Find(id);
        var cancelled = _inner.Cancel(id, editor);
        if (cancelled)
        {
            _trail.Record(editor.UserKey, editor.Name, "session.cancel", id, before is null ? null : Describe(before), "cancelled");
        }

        return cancelled;
    }

    /// <inheritdoc />
    public bool Rsvp(string sessionId, Caller member, bool attends) => _inner.Rsvp(sessionId, member, attends);

    /// <inheritdoc />
    public AttendanceView? Attendance(string sessionId) => _inner.Attendance(sessionId);

    private static string Describe(SessionView s)
        => string.Create(CultureInfo.InvariantCulture, $"{s.Title} · {s.StartsAt:yyyy-MM-dd HH:mm zzz} · {s.Location} · {s.Audience}");
}
