using Cppcc.Bot.Storage.Postgres;
using Npgsql;

namespace Cppcc.Bot.Audit;

/// <summary><see cref="IStaffSnapshotStore"/> on PostgreSQL: one row in <c>audit_staff</c>, replaced only if unchanged.</summary>
public sealed class PostgresStaffSnapshotStore(NpgsqlDataSource dataSource) : IStaffSnapshotStore
{
    /// <summary>The table.</summary>
    public static readonly PostgresSchema Schema = new("audit-staff-001", """
        CREATE TABLE audit_staff (
            id integer PRIMARY KEY CHECK (id = 1),
            staff_ids text[] NOT NULL
        );
        """);

    /// <inheritdoc />
    public IReadOnlySet<string>? Load()
        => dataSource.QuerySingle("SELECT staff_ids FROM audit_staff WHERE id = 1", r => (string[])r[0]) is { } ids
            ? new HashSet<string>(ids, StringComparer.OrdinalIgnoreCase)
            : null;

    /// <inheritdoc />
    public bool TryReplace(IReadOnlySet<string>? expected, IReadOnlySet<string> ids)
    {
        var replacement = PostgresCommands.Array(StaffSnapshotIds.Sorted(ids).ToArray());
        if (expected is null)
        {
            return dataSource.Execute("INSERT INTO audit_staff (id, staff_ids) VALUES (1, $1) ON CONFLICT (id) DO NOTHING", replacement) == 1;
        }

        // The row stays locked from the compare to the update: of several instances that saw the same change, the
        // first to lock it replaces the list and the others find it changed.
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var saved = transaction.Query("SELECT staff_ids FROM audit_staff WHERE id = 1 FOR UPDATE", r => (string[])r[0]).SingleOrDefault();
        if (saved is null || !new HashSet<string>(saved, StringComparer.OrdinalIgnoreCase).SetEquals(expected))
        {
            return false;
        }

        transaction.Execute("UPDATE audit_staff SET staff_ids = $1 WHERE id = 1", replacement);
        transaction.Commit();
        return true;
    }
}
