using Cppcc.Dialogs.Root;
using Cppcc.Dialogs.Sessions;

namespace Cppcc.Dialogs.Tests.Sessions;

/// <summary>In-memory <see cref="ISessions"/>.</summary>
public sealed class FakeSessions : ISessions
{
    public List<(SessionDraft Draft, Caller By)> Created { get; } = new();

    public List<(string SessionId, string UserKey, bool Attends)> Answers { get; } = new();

    public IReadOnlyList<string> Audiences() => new[] { "all", "民盟" };

    public SessionView Create(SessionDraft draft, Caller creator)
    {
        Created.Add((draft, creator));
        return View("XX-2026-" + Created.Count.ToString("D4"), draft);
    }

    public IReadOnlyList<SessionView> Upcoming(int max) => Created.Select((c, i) => View("XX-2026-" + (i + 1).ToString("D4"), c.Draft)).Take(max).ToList();

    /// <summary>Members of the 民盟 group; "all" is everyone.</summary>
    public HashSet<string> MinMeng { get; } = new();

    public IReadOnlyList<SessionView> UpcomingFor(Caller viewer, int max)
        => Upcoming(int.MaxValue).Where(s => viewer.Has(Role.Staff) || InAudience(s, viewer)).Take(max).ToList();

    public bool InAudience(SessionView session, Caller member) => session.Audience == "all" || MinMeng.Contains(member.UserKey);

    public SessionView? Find(string id) => Upcoming(100).FirstOrDefault(s => s.Id == id);

    public SessionView? Update(string id, string? title, DateTimeOffset? startsAt, string? location, Caller editor) => null;

    public bool Cancel(string id, Caller editor) => false;

    public bool Rsvp(string sessionId, Caller member, bool attends)
    {
        Answers.Add((sessionId, member.UserKey, attends));
        return true;
    }

    /// <summary>What <see cref="Attendance"/> answers for any id.</summary>
    public AttendanceView? AttendanceAnswer { get; set; }

    public AttendanceView? Attendance(string sessionId) => AttendanceAnswer;

    private static SessionView View(string id, SessionDraft d) => new(id, d.Title, d.Kind, d.StartsAt, d.Location, d.Recurrence, d.Audience, false);
}
