namespace Cppcc.Bot.Graph;

/// <summary>Which Outlook event was made for which (session, member).</summary>
public interface ICalendarEntryStore
{
    /// <summary>The entry of one member for one session, or null.</summary>
    CalendarEntry? Find(string sessionId, string userKey);

    /// <summary>Every entry of a session.</summary>
    List<CalendarEntry> ForSession(string sessionId);

    /// <summary>Sessions that still have events in someone's calendar.</summary>
    List<string> SessionsWithEvents();

    /// <summary>Adds or replaces an entry.</summary>
    void Save(CalendarEntry entry);
}
