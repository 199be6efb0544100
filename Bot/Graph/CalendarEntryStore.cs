using Cppcc.Bot.Storage;
using LiteDB;

namespace Cppcc.Bot.Graph;

/// <summary><see cref="ICalendarEntryStore"/> on LiteDB. Owns the "calendar_events" collection.</summary>
public sealed class CalendarEntryStore : ICalendarEntryStore
{
    /// <summary>Failed calls after which an entry is no longer retried (e.g. a member without a mailbox).</summary>
    public const int MaxFailures = 5;

    private readonly ILiteCollection<CalendarEntry> _entries;

    public CalendarEntryStore(ILiteDatabase database)
    {
        _entries = LiteDbCollections.Open<CalendarEntry>(database, "calendar_events");
        _entries.EnsureIndex(e => e.SessionId);
    }

    /// <inheritdoc />
    public CalendarEntry? Find(string sessionId, string userKey) => _entries.FindById(CalendarEntry.KeyOf(sessionId, userKey));

    /// <inheritdoc />
    public List<CalendarEntry> ForSession(string sessionId) => _entries.Find(e => e.SessionId == sessionId).ToList();

    /// <inheritdoc />
    public List<string> SessionsWithEvents() =>
        _entries.Find(e => e.Removed == false && e.EventId != null).Select(e => e.SessionId).Distinct().ToList();

    /// <inheritdoc />
    public void Save(CalendarEntry entry) => _entries.Upsert(entry);
}
