using Cppcc.Bot.Storage.Postgres;
using Cppcc.Dialogs.Audit;
using Npgsql;

namespace Cppcc.Bot.Audit;

/// <summary>
/// <see cref="IAuditStore"/> on PostgreSQL (table <c>audit_trail</c>). Appending takes a transaction-scoped advisory
/// lock, so records from several instances still form one chain with consecutive numbers.
/// </summary>
public sealed class PostgresAuditStore(NpgsqlDataSource dataSource, TimeProvider time) : IAuditStore
{
    // Any constant of this bot's own; distinct from the schema lock.
    private const long AppendLockKey = 0x43505043_41554454; // "CPPCAUDT"
    private const string Columns = "id, at_unix_ms, actor_key, actor_name, action, target, before, after, previous_hash, hash";

    /// <summary>The table.</summary>
    public static readonly PostgresSchema Schema = new("audit-trail-001", """
        CREATE TABLE audit_trail (
            id bigint PRIMARY KEY,
            at_unix_ms bigint NOT NULL,
            actor_key text NOT NULL,
            actor_name text NOT NULL,
            action text NOT NULL,
            target text NOT NULL,
            before text,
            after text,
            previous_hash text NOT NULL,
            hash text NOT NULL
        );
        """);

    /// <inheritdoc />
    public void Record(string actorKey, string actorName, string action, string target, string? before, string? after)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        transaction.Execute("SELECT pg_advisory_xact_lock($1)", AppendLockKey);
        var last = transaction.Query($"SELECT {Columns} FROM audit_trail ORDER BY id DESC LIMIT 1", Read).FirstOrDefault();
        var record = new StoredAuditRecord
        {
            Id = (last?.Id ?? 0) + 1,
            AtUnixMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
            ActorKey = actorKey, ActorName = actorName, Action = action, Target = target, Before = before, After = after,
            PreviousHash = last?.Hash ?? "",
        };
        record.Hash = AuditStore.HashOf(record, record.PreviousHash);
        transaction.Execute(
            $"INSERT INTO audit_trail ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            record.Id, record.AtUnixMs, record.ActorKey, record.ActorName, record.Action, record.Target, record.Before, record.After,
            record.PreviousHash, record.Hash);
        transaction.Commit();
    }

    /// <inheritdoc />
    public IReadOnlyList<AuditEntry> Latest(int count)
        => dataSource.Query($"SELECT {Columns} FROM audit_trail ORDER BY id DESC LIMIT $1", r => Read(r).ToEntry(), count);

    /// <inheritdoc />
    public AuditVerification Verify() => AuditStore.Verify(dataSource.Query($"SELECT {Columns} FROM audit_trail ORDER BY id", Read));

    private static StoredAuditRecord Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt64(0), AtUnixMs = r.GetInt64(1), ActorKey = r.GetString(2), ActorName = r.GetString(3), Action = r.GetString(4),
        Target = r.GetString(5), Before = r.NullableString(6), After = r.NullableString(7), PreviousHash = r.GetString(8), Hash = r.GetString(9),
    };
}
