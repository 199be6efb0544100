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

/// <summary>Owns the "session_rsvps" collection.</summary>
public sealed class RsvpStore
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

    public List<Rsvp> For(string sessionId) => _answers.Find(r => r.SessionId == sessionId).OrderBy(r => r.At).ToList();
}
