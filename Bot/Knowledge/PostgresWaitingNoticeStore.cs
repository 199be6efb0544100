using Cppcc.Bot.Storage.Postgres;
using Npgsql;

namespace Cppcc.Bot.Knowledge;

/// <summary>
/// <see cref="IWaitingNoticeStore"/> on PostgreSQL (table <c>kb_waiting_told</c>). The comparison is part of the
/// upsert, so of two instances telling the same staff member about the same ticket only one does.
/// </summary>
public sealed class PostgresWaitingNoticeStore(NpgsqlDataSource dataSource) : IWaitingNoticeStore
{
    /// <summary>The table.</summary>
    public static readonly PostgresSchema Schema = new("kb-waiting-told-001", """
        CREATE TABLE kb_waiting_told (
            staff_key text PRIMARY KEY,
            newest_ticket_id integer NOT NULL
        );
        """);

    /// <inheritdoc />
    public bool TryTell(string staffKey, int newestTicketId)
        => dataSource.Execute(
            """
            INSERT INTO kb_waiting_told (staff_key, newest_ticket_id) VALUES ($1, $2)
            ON CONFLICT (staff_key) DO UPDATE SET newest_ticket_id = $2 WHERE kb_waiting_told.newest_ticket_id < $2
            """,
            staffKey, newestTicketId) == 1;
}
