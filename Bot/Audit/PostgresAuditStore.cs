using Cppcc.Bot.Storage.Postgres;
using Cppcc.Dialogs.Audit;
using Npgsql;

namespace Cppcc.Bot.Audit;

/// <summary>
/// <see cref="IAuditStore"/> on PostgreSQL (table <c>audit_trail</c>). Appending takes a transaction-scoped advisory
/// lock, so records from several instances still form one chain with consecutive numbers. As on LiteDB, the count and
/// hash of the newest record are also kept apart (<c>audit_head</c>, written in the same transaction), so a newest
/// record deleted behind the bot's back is seen.
/// </summary>
public sealed class PostgresAuditStore(NpgsqlDataSource dataSource, TimeProvider time) : IAuditStore
{
    // Any constant of this bot's own; distinct from the schema lock.
    private const long AppendLockKey = 0x43505043_41554454; // "CPPCAUDT"
    private const string Columns = "id, at_unix_ms, actor_key, actor_name, action, target, before, after, previous_hash, hash";

    /// <summary>The records and the head kept apart from them.</summary>
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
        CREATE TABLE audit_head (id int PRIMARY KEY, count bigint NOT NULL, hash text NOT NULL);
        """);

    /// <inheritdoc />
    public void Record(string actorKey, string actorName, string action, string target, string? before, string? after)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        transaction.Execute("SELECT pg_advisory_xact_lock($1)", AppendLockKey);
        // Chained to the head, not to whatever record is last now: a deleted newest record leaves a gap that stays.
        var last = Head(transaction);
        var record = new StoredAuditRecord
        {
            Id = last.Count + 1,
            AtUnixMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
            ActorKey = actorKey,
            ActorName = actorName,
            Action = action,
            Target = target,
            Before = before,
            After = after,
            PreviousHash = last.Hash,
        };
        record.Hash = AuditStore.HashOf(record, record.PreviousHash);
        transaction.Execute(
            $"INSERT INTO audit_trail ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            record.Id, record.AtUnixMs, record.ActorKey, record.ActorName, record.Action, record.Target, record.Before, record.After,
            record.PreviousHash, record.Hash);
        transaction.Execute(
            "INSERT INTO audit_head (id, count, hash) VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET count = $1, hash = $2",
            record.Id, record.Hash);
        transaction.Commit();
    }

    /// <inheritdoc />
    // REVIEW: filters in memory, newest first, stopping at max, as on LiteDB (thousands of records a year).
    public IReadOnlyList<AuditEntry> Find(AuditFilter filter, int max)
        => dataSource.Query($"SELECT {Columns} FROM audit_trail ORDER BY id DESC", r => Read(r).ToEntry()).Where(filter.Matches).Take(max).ToList();

    /// <inheritdoc />
    public IReadOnlyList<AuditEntry> Latest(int count)
        => dataSource.Query($"SELECT {Columns} FROM audit_trail ORDER BY id DESC LIMIT $1", r => Read(r).ToEntry(), count);

    /// <inheritdoc />
    public AuditVerification Verify()
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        var head = Head(transaction);
        return AuditStore.Verify(transaction.Query($"SELECT {Columns} FROM audit_trail ORDER BY id", Read), head);
    }

    private static AuditHead Head(NpgsqlTransaction transaction)
        => transaction.Query("SELECT count, hash FROM audit_head WHERE id = 1", r => new AuditHead { Id = 1, Count = r.GetInt64(0), Hash = r.GetString(1) })
            .FirstOrDefault() ?? new AuditHead { Id = 1 };

    private static StoredAuditRecord Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt64(0),
        AtUnixMs = r.GetInt64(1),
        ActorKey = r.GetString(2),
        ActorName = r.GetString(3),
        Action = r.GetString(4),
        Target = r.GetString(5),
        Before = r.NullableString(6),
        After = r.NullableString(7),
        PreviousHash = r.GetString(8),
        Hash = r.GetString(9),
    };
}
