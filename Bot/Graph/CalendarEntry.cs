namespace Cppcc.Bot.Graph;

/// <summary>The Outlook event made for one member about one session (one per (session, member)).</summary>
public sealed class CalendarEntry
{
    /// <summary><c>{sessionId}|{userKey}</c>.</summary>
    public string Id { get; set; } = "";

    public string SessionId { get; set; } = "";

    public string UserKey { get; set; } = "";

    /// <summary>The member's Entra object id (Graph's user id).</summary>
    public string AadObjectId { get; set; } = "";

    /// <summary>Graph's event id; null until the event exists.</summary>
    public string? EventId { get; set; }

    /// <summary>The session's <c>Changes</c> the event shows; behind = it needs a PATCH.</summary>
    public int SyncedChanges { get; set; }

    /// <summary>True once the event was deleted (the session was cancelled).</summary>
    public bool Removed { get; set; }

    /// <summary>Failed Graph calls in a row; at <see cref="CalendarEntryStore.MaxFailures"/> the entry is left alone.</summary>
    public int Failures { get; set; }

    public static string KeyOf(string sessionId, string userKey) => sessionId + "|" + userKey;
}
