using Cppcc.Bot.Storage;
using LiteDB;

namespace Cppcc.Bot.Reminders;

/// <summary>A member's latest answer to a session's reminder.</summary>
public sealed class Rsvp
{
    /// <summary>"{SessionId}/{UserKey}": one answer per member, the latest wins.</summary>
    public string Id { get; set; } = "";

    public string SessionId { get; set; } = "";

    public string UserKey { get; set; } = "";

    public string Name { get; set; } = "";

    public bool Attends { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>Answers on the LiteDB file: owns the "session_rsvps" collection.</summary>
public sealed class RsvpStore : IRsvpStore
{
    private readonly ILiteCollection<Rsvp> _answers;

    public RsvpStore(ILiteDatabase database)
    {
        _answers = LiteDbCollections.Open<Rsvp>(database, "session_rsvps");
        _answers.EnsureIndex(r => r.SessionId);
    }

    public void Save(Rsvp rsvp)
    {
        rsvp.Id = rsvp.SessionId + "/" + rsvp.UserKey;
        _answers.Upsert(rsvp);
    }

    /// <summary>Every answer of one user, whatever the session.</summary>
    public List<Rsvp> ByUser(string userKey) => _answers.Find(r => r.UserKey == userKey).ToList();

    /// <summary>Every answer to any of <paramref name="sessionIds"/>.</summary>
    public List<Rsvp> ForSessions(IReadOnlyCollection<string> sessionIds) =>
        sessionIds.Count == 0 ? [] : _answers.Find(Query.In(nameof(Rsvp.SessionId), sessionIds.Select(id => new BsonValue(id)))).ToList();

    public List<Rsvp> For(string sessionId) => _answers.Find(r => r.SessionId == sessionId).OrderBy(r => r.At).ToList();
}
