using System.Globalization;
using Cppcc.Dialogs.Audit;
using Cppcc.Dialogs.Root;
using Cppcc.Dialogs.Sessions;

namespace Cppcc.Bot.Reminders;

/// <summary>Records session create, edit and cancel in the audit trail, with the session before and after.</summary>
public sealed class AuditedSessions(SessionService inner, IAuditTrail trail) : ISessions
{
    /// <inheritdoc />
    public IReadOnlyList<string> Audiences() => inner.Audiences();

    /// <inheritdoc />
    public SessionView Create(SessionDraft draft, Caller creator)
    {
        var created = inner.Create(draft, creator);
        trail.Record(creator.UserKey, creator.Name, "session.create", created.Id, null, Describe(created));
        return created;
    }

    /// <inheritdoc />
    public IReadOnlyList<SessionView> Upcoming(int max) => inner.Upcoming(max);

    /// <inheritdoc />
    public IReadOnlyList<SessionView> UpcomingFor(Caller viewer, int max) => inner.UpcomingFor(viewer, max);

    /// <inheritdoc />
    public bool InAudience(SessionView session, Caller member) => inner.InAudience(session, member);

    /// <inheritdoc />
    public SessionView? Find(string id) => inner.Find(id);

    /// <inheritdoc />
    public SessionView? Update(string id, string? title, DateTimeOffset? startsAt, string? location, Caller editor)
    {
        var before = inner.Find(id);
        var after = inner.Update(id, title, startsAt, location, editor);
        if (after is not null)
        {
            trail.Record(editor.UserKey, editor.Name, "session.update", id, before is null ? null : Describe(before), Describe(after));
        }

        return after;
    }

    /// <inheritdoc />
    public bool Cancel(string id, Caller editor)
    {
        var before = inner.Find(id);
        var cancelled = inner.Cancel(id, editor);
        if (cancelled)
        {
            trail.Record(editor.UserKey, editor.Name, "session.cancel", id, before is null ? null : Describe(before), "cancelled");
        }

        return cancelled;
    }

    /// <inheritdoc />
    public bool Rsvp(string sessionId, Caller member, bool attends) => inner.Rsvp(sessionId, member, attends);

    /// <inheritdoc />
    public AttendanceView? Attendance(string sessionId) => inner.Attendance(sessionId);

    private static string Describe(SessionView s)
        => string.Create(CultureInfo.InvariantCulture, $"{s.Title} · {s.StartsAt:yyyy-MM-dd HH:mm zzz} · {s.Location} · {s.Audience}");
}
