using Cppcc.Bot.Storage.Postgres;
using Npgsql;

namespace Cppcc.Bot.Graph;

/// <summary><see cref="ICalendarEntryStore"/> on PostgreSQL (table <c>calendar_events</c>).</summary>
public sealed class PostgresCalendarEntryStore(NpgsqlDataSource dataSource) : ICalendarEntryStore
{
    private const string Columns = "id, session_id, user_key, aad_object_id, event_id, synced_changes, removed, failures";

    /// <summary>The table.</summary>
    public static readonly PostgresSchema Schema = new("calendar-events-001", """
        CREATE TABLE calendar_events (
            id text PRIMARY KEY,
            session_id text NOT NULL,
            user_key text NOT NULL,
            aad_object_id text NOT NULL,
            event_id text,
            synced_changes integer NOT NULL,
            removed boolean NOT NULL,
            failures integer NOT NULL
        );
        CREATE INDEX calendar_events_session ON calendar_events (session_id);
        """);

    /// <inheritdoc />
    public CalendarEntry? Find(string sessionId, string userKey)
        => dataSource.QuerySingle($"SELECT {Columns} FROM calendar_events WHERE id = $1", Read, CalendarEntry.KeyOf(sessionId, userKey));

    /// <inheritdoc />
    public List<CalendarEntry> ForSession(string sessionId)
        => dataSource.Query($"SELECT {Columns} FROM calendar_events WHERE session_id = $1", Read, sessionId);

    /// <inheritdoc />
    public List<string> SessionsWithEvents()
        => dataSource.Query("SELECT DISTINCT session_id FROM calendar_events WHERE NOT removed AND event_id IS NOT NULL", r => r.GetString(0));

    /// <inheritdoc />
    public void Save(CalendarEntry entry)
        => dataSource.Execute(
            $"""
             INSERT INTO calendar_events ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (id) DO UPDATE SET session_id = $2, user_key = $3, aad_object_id = $4, event_id = $5,
                 synced_changes = $6, removed = $7, failures = $8
             """,
            entry.Id, entry.SessionId, entry.UserKey, entry.AadObjectId, entry.EventId, entry.SyncedChanges, entry.Removed, entry.Failures);

    private static CalendarEntry Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        SessionId = r.GetString(1),
        UserKey = r.GetString(2),
        AadObjectId = r.GetString(3),
        EventId = r.NullableString(4),
        SyncedChanges = r.GetInt32(5),
        Removed = r.GetBoolean(6),
        Failures = r.GetInt32(7),
    };
}
