using Cppcc.Bot.Storage.Postgres;
using Npgsql;

namespace Cppcc.Bot.Reports;

/// <summary><see cref="IMemberSectorStore"/> on PostgreSQL (table <c>member_sectors</c>).</summary>
public sealed class PostgresMemberSectorStore(NpgsqlDataSource dataSource, TimeProvider time) : IMemberSectorStore
{
    /// <summary>The table.</summary>
    public static readonly PostgresSchema Schema = new("member-sectors-001", """
        CREATE TABLE member_sectors (
            user_key text PRIMARY KEY,
            sector text NOT NULL,
            set_by text NOT NULL,
            updated_at timestamptz NOT NULL
        );
        """);

    /// <inheritdoc />
    public void Set(string userKey, string sector, string setBy)
        => dataSource.Execute(
            """
            INSERT INTO member_sectors (user_key, sector, set_by, updated_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (user_key) DO UPDATE SET sector = $2, set_by = $3, updated_at = $4
            """,
            userKey, sector, setBy, time.GetUtcNow().UtcDateTime);

    /// <inheritdoc />
    public string? Find(string userKey) => dataSource.QuerySingle("SELECT sector FROM member_sectors WHERE user_key = $1", r => r.GetString(0), userKey);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> All()
        => dataSource.Query("SELECT user_key, sector FROM member_sectors", r => (Key: r.GetString(0), Sector: r.GetString(1)))
            .ToDictionary(s => s.Key, s => s.Sector, StringComparer.Ordinal);
}
