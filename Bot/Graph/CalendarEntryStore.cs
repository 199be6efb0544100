using Cppcc.Bot.Storage;
using LiteDB;

namespace Cppcc.Bot.Graph;

/// <summary>Owns the "calendar_events" collection: which Outlook event was made for which (session, member).</summary>
public sealed class CalendarEntryStore
{
    /// <summary>Failed calls after which an entry is no longer retried (e.g. a member without a mailbox).</summary>
    public const int MaxFailures = 5;

    private readonly ILiteCollection<CalendarEntry> _entries;

    public CalendarEntryStore(ILiteDatabase database)
    {
        _entries = LiteDbCollections.Open<CalendarEntry>(database, "calendar_events");
        _entries.EnsureIndex(e => e.SessionId);
    }

    public CalendarEntry? Find(string sessionId, string userKey) => _entries.FindById(CalendarEntry.KeyOf(sessionId, userKey));

    public List<CalendarEntry> ForSession(string sessionId) => _entries.Find(e => e.SessionId == sessionId).ToList();

    /// <summary>Sessions that still have events in someone's calendar.</summary>
    public List<string> SessionsWithEvents() =>
        _entries.Find(e => e.Removed == false && e.EventId != null).Select(e => e.SessionId).Distinct().ToList();

    public void Save(CalendarEntry entry) => _entries.Upsert(entry);
}
