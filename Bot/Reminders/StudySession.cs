using Cppcc.Dialogs.Sessions;

namespace Cppcc.Bot.Reminders;

/// <summary>One occurrence of a study session (集中学习), lecture (专题讲座) or meeting. A recurring series is a chain of occurrences sharing <see cref="SeriesId"/>.</summary>
public sealed class StudySession
{
    /// <summary>Short id shown to people, e.g. "HD-2026-0007" (older sessions: "XX-2026-0007").</summary>
    public string Id { get; set; } = "";

    public string SeriesId { get; set; } = "";

    public string Title { get; set; } = "";

    public SessionKind Kind { get; set; }

    /// <summary>Start instant (stored in UTC by LiteDB).</summary>
    public DateTimeOffset StartsAt { get; set; }

    /// <summary>The offset the organiser gave (e.g. +08:00), so times are shown as they were entered.</summary>
    public int OffsetMinutes { get; set; }

    public string Location { get; set; } = "";

    public Recurrence Recurrence { get; set; }

    /// <summary>"all" or a group name.</summary>
    public string Audience { get; set; } = "all";

    public string CreatedBy { get; set; } = "";

    public bool Cancelled { get; set; }

    /// <summary>Bumped when the time moves: reminders are planned afresh for the new time.</summary>
    public int Revision { get; set; }

    /// <summary>Bumped on every edit; names the "changed" notice job.</summary>
    public int Changes { get; set; }

    /// <summary>Lead times (ticks) already reminded for the current revision.</summary>
    public List<long> RemindedLeads { get; set; } = [];

    /// <summary>Set once the next occurrence of a recurring series exists.</summary>
    public bool NextOccurrenceCreated { get; set; }

    public DateTimeOffset LocalStart => StartsAt.ToOffset(TimeSpan.FromMinutes(OffsetMinutes));

    /// <summary>What the conversation shows of it.</summary>
    public SessionView ToView() => new(Id, Title, Kind, LocalStart, Location, Recurrence, Audience, Cancelled);
}
