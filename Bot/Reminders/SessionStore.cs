using Cppcc.Bot.Storage;
using LiteDB;

namespace Cppcc.Bot.Reminders;

/// <summary>Study sessions on the LiteDB file: owns the "study_sessions" collection.</summary>
public sealed class SessionStore : ISessionStore
{
    private readonly ILiteCollection<StudySession> _sessions;
    private readonly Lock _numbering = new();

    public SessionStore(ILiteDatabase database)
    {
        _sessions = LiteDbCollections.Open<StudySession>(database, "study_sessions");
        _sessions.EnsureIndex(s => s.StartsAt);
    }

    /// <summary>
    /// Numbers (HD-YYYY-NNNN: 活动, per year of the start) and inserts. Sessions stored before under XX-YYYY-NNNN
    /// keep their ids: ids are looked up as stored, and the two prefixes never share a number.
    /// </summary>
    public StudySession Add(StudySession session)
    {
        lock (_numbering)
        {
            var prefix = $"HD-{session.LocalStart.Year}-";
            var number = _sessions.Count(s => s.Id.StartsWith(prefix)) + 1;
            session.Id = prefix + number.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            if (session.SeriesId.Length == 0)
            {
                session.SeriesId = session.Id;
            }

            _sessions.Insert(session);
            return session;
        }
    }

    public StudySession? Find(string id) => _sessions.FindById(id);

    /// <summary>Adds the next occurrence of a recurring session (once: the previous one is marked) and returns it.</summary>
    public StudySession? AddSuccessor(StudySession previous)
    {
        lock (_numbering)
        {
            // The stored flag decides: the caller's copy may be older than another caller's successor.
            var created = previous.NextOccurrenceCreated || Find(previous.Id) is { NextOccurrenceCreated: true };
            return AddSuccessorOnce(previous, created);
        }
    }

    private StudySession? AddSuccessorOnce(StudySession previous, bool created)
    {
        StudySession? successor = null;
        if (!created && ReminderPlanner.NextStart(previous) is { } next)
        {
            successor = Add(new StudySession
            {
                SeriesId = previous.SeriesId,
                Title = previous.Title,
                Kind = previous.Kind,
                StartsAt = next.ToUniversalTime(),
                OffsetMinutes = previous.OffsetMinutes,
                Location = previous.Location,
                Recurrence = previous.Recurrence,
                Audience = previous.Audience,
                CreatedBy = previous.CreatedBy,
            });
        }
        previous.NextOccurrenceCreated = true;
        Save(previous);
        return successor;
    }

    public void Save(StudySession session) => _sessions.Update(session);

    /// <summary>Sessions not cancelled that start after <paramref name="after"/>, soonest first.</summary>
    public List<StudySession> StartingAfter(DateTimeOffset after) =>
        _sessions.Query().Where(s => s.StartsAt > after && s.Cancelled == false).OrderBy(s => s.StartsAt).ToList();

    /// <summary>Sessions not cancelled that start in [<paramref name="from"/>, <paramref name="to"/>), soonest first.</summary>
    public List<StudySession> StartingBetween(DateTimeOffset from, DateTimeOffset to) =>
        _sessions.Query().Where(s => s.StartsAt >= from && s.StartsAt < to && s.Cancelled == false).OrderBy(s => s.StartsAt).ToList();

    /// <summary>Recurring occurrences that have begun and have no successor yet.</summary>
    public List<StudySession> StartedWithoutSuccessor(DateTimeOffset now) =>
        _sessions.Find(s => s.StartsAt <= now && s.NextOccurrenceCreated == false && s.Cancelled == false && s.Recurrence != Cppcc.Dialogs.Sessions.Recurrence.None).ToList();

    /// <inheritdoc />
    public bool RemindOnce(StudySession session, TimeSpan lead, IReadOnlyList<TimeSpan> skipped, Action queue)
    {
        lock (_numbering)
        {
            if (Find(session.Id) is not { } stored || stored.Revision != session.Revision || stored.RemindedLeads.Contains(lead.Ticks))
            {
                return false;
            }

            queue();
            stored.RemindedLeads.Add(lead.Ticks);
            stored.RemindedLeads.AddRange(skipped.Select(l => l.Ticks));
            Save(stored);
            session.RemindedLeads = stored.RemindedLeads;
            return true;
        }
    }
}
