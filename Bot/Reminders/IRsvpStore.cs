namespace Cppcc.Bot.Reminders;

/// <summary>Members' answers to session reminders: <see cref="RsvpStore"/> on LiteDB, <see cref="PostgresRsvpStore"/> on PostgreSQL.</summary>
public interface IRsvpStore
{
    /// <summary>Stores the member's answer, replacing their earlier one to the same session.</summary>
    void Save(Rsvp rsvp);

    /// <summary>Every answer of one user, whatever the session.</summary>
    List<Rsvp> ByUser(string userKey);

    /// <summary>Every answer to any of <paramref name="sessionIds"/>.</summary>
    List<Rsvp> ForSessions(IReadOnlyCollection<string> sessionIds);

    /// <summary>The answers to one session, oldest first.</summary>
    List<Rsvp> For(string sessionId);
}
