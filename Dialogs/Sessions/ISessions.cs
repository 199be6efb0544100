using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Sessions;

/// <summary>Kinds of session (contract: study | lecture | meeting).</summary>
public enum SessionKind
{
    /// <summary>集中学习.</summary>
    Study,
    /// <summary>专题讲座 / 辅导报告.</summary>
    Lecture,
    /// <summary>会议.</summary>
    Meeting,
}

/// <summary>Recurrence (contract: none | monthly | quarterly).</summary>
public enum Recurrence
{
    /// <summary>One-off.</summary>
    None,
    /// <summary>Every month.</summary>
    Monthly,
    /// <summary>Every three months.</summary>
    Quarterly,
}

/// <summary>What staff enter for a session.</summary>
/// <param name="Title">Title.</param>
/// <param name="Kind">Kind.</param>
/// <param name="StartsAt">Start, with the offset it was given in.</param>
/// <param name="Location">Place.</param>
/// <param name="Recurrence">Recurrence.</param>
/// <param name="Audience">"all" or a group.</param>
public sealed record SessionDraft(string Title, SessionKind Kind, DateTimeOffset StartsAt, string Location, Recurrence Recurrence, string Audience);

/// <summary>A session as shown to people.</summary>
/// <param name="Id">Id, e.g. HD-2026-0001.</param>
/// <param name="Title">Title.</param>
/// <param name="Kind">Kind.</param>
/// <param name="StartsAt">Start in the offset it was entered in.</param>
/// <param name="Location">Place.</param>
/// <param name="Recurrence">Recurrence.</param>
/// <param name="Audience">"all" or a group.</param>
/// <param name="Cancelled">True once cancelled.</param>
public sealed record SessionView(string Id, string Title, SessionKind Kind, DateTimeOffset StartsAt, string Location, Recurrence Recurrence,
    string Audience, bool Cancelled);

/// <summary>Who answered a reminder.</summary>
/// <param name="Name">Display name.</param>
/// <param name="UserKey">User key.</param>
/// <param name="Attends">True = attend, false = absent.</param>
/// <param name="At">When they answered.</param>
public sealed record RsvpView(string Name, string UserKey, bool Attends, DateTimeOffset At);

/// <summary>Answers to one session.</summary>
/// <param name="Session">The session.</param>
/// <param name="Answers">Every answer, latest per member.</param>
/// <param name="Csv">The same as CSV (UTF-8 with BOM).</param>
public sealed record AttendanceView(SessionView Session, IReadOnlyList<RsvpView> Answers, byte[] Csv)
{
    /// <summary>Members of the session's audience who have not answered yet.</summary>
    public IReadOnlyList<NoReplyView> NotReplied { get; init; } = [];
}

/// <summary>A member of the audience who has not answered.</summary>
/// <param name="Name">Display name.</param>
/// <param name="UserKey">User key.</param>
public sealed record NoReplyView(string Name, string UserKey);

/// <summary>What the session conversations need from the bot (implemented in Bot/Reminders).</summary>
public interface ISessions
{
    /// <summary>Known audiences: "all" first, then group names.</summary>
    IReadOnlyList<string> Audiences();

    /// <summary>Creates a session; its reminders follow Reminders:LeadTimes.</summary>
    SessionView Create(SessionDraft draft, Caller creator);

    /// <summary>Upcoming sessions (not cancelled), soonest first.</summary>
    IReadOnlyList<SessionView> Upcoming(int max);

    /// <summary>
    /// Upcoming sessions <paramref name="viewer"/> is meant to see, soonest first: staff every one, a member those of
    /// their audience (all members, or a group or sector they belong to).
    /// </summary>
    IReadOnlyList<SessionView> UpcomingFor(Caller viewer, int max);

    /// <summary>True when <paramref name="member"/> belongs to the session's audience, and so may answer it.</summary>
    bool InAudience(SessionView session, Caller member);

    /// <summary>A session by id, or null.</summary>
    SessionView? Find(string id);

    /// <summary>Moves and/or edits a session; members already reminded are told. Null when there is no such session.</summary>
    SessionView? Update(string id, string? title, DateTimeOffset? startsAt, string? location, Caller editor);

    /// <summary>Cancels a session; members already reminded are told. False when there is no such upcoming session.</summary>
    bool Cancel(string id, Caller editor);

    /// <summary>Stores a member's answer; false when the session does not exist, is cancelled, has begun, or is not meant for them.</summary>
    bool Rsvp(string sessionId, Caller member, bool attends);

    /// <summary>The answers to a session, or null.</summary>
    AttendanceView? Attendance(string sessionId);
}
