using Cppcc.Bot.Storage.Postgres;
using Npgsql;

namespace Cppcc.Bot.Audiences;

/// <summary><see cref="IGroupStore"/> on PostgreSQL (table <c>member_groups</c>, members as a text array).</summary>
public sealed class PostgresGroupStore(NpgsqlDataSource dataSource) : IGroupStore
{
    private const string Columns = "id, kind, member_keys, updated_by, updated_at";

    /// <summary>The table.</summary>
    public static readonly PostgresSchema Schema = new("member-groups-001", """
        CREATE TABLE member_groups (
            id text PRIMARY KEY,
            kind text NOT NULL,
            member_keys text[] NOT NULL,
            updated_by text NOT NULL,
            updated_at timestamptz NOT NULL
        );
        """);

    /// <inheritdoc />
    public IReadOnlyList<MemberGroup> All()
        // Sorted here as the LiteDB store sorts, not by the database's collation.
        => dataSource.Query($"SELECT {Columns} FROM member_groups", Read).OrderBy(g => g.Kind).ThenBy(g => g.Id, StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public MemberGroup? Find(string name) => dataSource.QuerySingle($"SELECT {Columns} FROM member_groups WHERE id = $1", Read, name);

    /// <inheritdoc />
    public void Save(MemberGroup group)
        => dataSource.Execute(
            $"""
             INSERT INTO member_groups ({Columns}) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (id) DO UPDATE SET kind = $2, member_keys = $3, updated_by = $4, updated_at = $5
             """,
            group.Id, group.Kind, PostgresCommands.Array(group.MemberKeys.ToArray()), group.UpdatedBy, group.UpdatedAt.ToUniversalTime());

    private static MemberGroup Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        Kind = r.GetString(1),
        MemberKeys = [.. r.GetFieldValue<string[]>(2)],
        UpdatedBy = r.GetString(3),
        UpdatedAt = r.GetFieldValue<DateTimeOffset>(4),
    };
}
