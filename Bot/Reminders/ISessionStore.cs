namespace Cppcc.Bot.Reminders;

/// <summary>
/// Study sessions: <see cref="SessionStore"/> on the LiteDB file, <see cref="PostgresSessionStore"/> when several
/// instances share one PostgreSQL database (each runs the reminder scheduler; the store makes one of them act).
/// </summary>
public interface ISessionStore
{
    /// <summary>Numbers (HD-YYYY-NNNN: 活动, per year of the start) and inserts.</summary>
    StudySession Add(StudySession session);

    StudySession? Find(string id);

    /// <summary>
    /// Adds the next occurrence of a recurring session (once: the previous one is marked, in the same step, so two
    /// instances never both add it) and returns it, or null when there is none or it exists already.
    /// </summary>
    StudySession? AddSuccessor(StudySession previous);

    void Save(StudySession session);

    /// <summary>Sessions not cancelled that start after <paramref name="after"/>, soonest first.</summary>
    List<StudySession> StartingAfter(DateTimeOffset after);

    /// <summary>Sessions not cancelled that start in [<paramref name="from"/>, <paramref name="to"/>), soonest first.</summary>
    List<StudySession> StartingBetween(DateTimeOffset from, DateTimeOffset to);

    /// <summary>Recurring occurrences that have begun and have no successor yet.</summary>
    List<StudySession> StartedWithoutSuccessor(DateTimeOffset now);

    /// <summary>
    /// Runs <paramref name="queue"/> and records <paramref name="lead"/> (and the missed <paramref name="skipped"/> ones)
    /// as reminded, unless the stored session already has that reminder or has moved to another revision: false then,
    /// and nothing is queued. One step per session, so of several instances checking at once exactly one queues it.
    /// </summary>
    bool RemindOnce(StudySession session, TimeSpan lead, IReadOnlyList<TimeSpan> skipped, Action queue);
}
