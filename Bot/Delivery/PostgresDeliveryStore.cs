using Cppcc.Bot.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Cppcc.Bot.Delivery;

/// <summary>
/// The delivery queue in PostgreSQL, shared by every instance of the bot. An instance works only on items it claimed
/// (<c>claimed_by</c>, <c>lease_until</c>): claims are taken with <c>FOR UPDATE SKIP LOCKED</c>, so two instances never
/// take the same item, and renewed while the item is worked on. An instance killed mid-send stops renewing; once its
/// lease has run out, another instance puts its "Sending" items back in the queue (each one a possible duplicate,
/// counted in <see cref="DeliveryItem.Interruptions"/>) and its other claims are free again.
/// </summary>
public sealed class PostgresDeliveryStore : IDeliveryStore
{
    /// <summary>The table: one row per (job, recipient); states as in <see cref="DeliveryState"/>.</summary>
    public const string Schema = """
        CREATE TABLE deliveries (
            id text PRIMARY KEY,
            job_id text NOT NULL,
            recipient_key text NOT NULL,
            conversation_id text NOT NULL,
            reference_json text NOT NULL,
            activity_json text NOT NULL,
            state smallint NOT NULL,
            attempts int NOT NULL,
            due_at timestamptz NOT NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            sent_at timestamptz,
            activity_id text,
            last_status int,
            last_error text,
            interruptions int NOT NULL,
            claimed_by text,
            lease_until timestamptz);
        CREATE INDEX deliveries_pending ON deliveries (due_at) WHERE state = 0;
        CREATE INDEX deliveries_sending ON deliveries (lease_until) WHERE state = 1;
        CREATE INDEX deliveries_job ON deliveries (job_id text_pattern_ops);
        """;

    private const string Columns =
        "id, job_id, recipient_key, conversation_id, reference_json, activity_json, state, attempts, due_at, created_at, updated_at, " +
        "sent_at, activity_id, last_status, last_error, interruptions";

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeSpan _lease;

    // Unique per process, also across restarts of one process id: a restarted instance must not count as the holder of
    // the claims its previous life left.
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public PostgresDeliveryStore(NpgsqlDataSource dataSource, DeliveryOptions options)
    {
        _dataSource = dataSource;
        _lease = options.LeaseDuration;
    }

    /// <inheritdoc />
    public TimeSpan? LeaseDuration => _lease;

    /// <summary>
    /// One item's row, its values from <see cref="Values"/>, unclaimed (also how <c>migrate</c> copies the queue in: an
    /// item left "Sending" has no lease, so the first claim puts it back in the queue as an interrupted send).
    /// </summary>
    internal const string InsertNew =
        $"INSERT INTO deliveries ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) ON CONFLICT (id) DO NOTHING";

    /// <inheritdoc />
    public int AddNew(IEnumerable<DeliveryItem> items)
    {
        var added = 0;
        foreach (var chunk in items.Chunk(500))
        {
            using var connection = _dataSource.OpenConnection();
            using var batch = new NpgsqlBatch(connection);
            foreach (var item in chunk)
            {
                var command = new NpgsqlBatchCommand(InsertNew);
                command.Parameters.AddRange(Values(item));
                batch.BatchCommands.Add(command);
            }

            added += batch.ExecuteNonQuery();
        }

        return added;
    }

    /// <inheritdoc />
    public DeliveryItem? Find(string id) => Read($"SELECT {Columns} FROM deliveries WHERE id = $1", Text(id)).FirstOrDefault();

    /// <inheritdoc />
    public List<DeliveryItem> Due(DateTimeOffset now, int limit) =>
        Read($"SELECT {Columns} FROM deliveries WHERE state = 0 AND due_at <= $1 ORDER BY due_at LIMIT $2",
            PostgresDocument.Instant(now), PostgresDocument.Value(limit));

    /// <inheritdoc />
    public List<DeliveryItem> Claim(DateTimeOffset now, int limit)
    {
        // This instance's own claims come back too: the worker leaves a busy conversation's items in the queue, and
        // they must not wait for their lease to run out (the worker skips the ones it is working on). Free items come
        // first, so a conversation with many items waiting cannot fill every batch and hold back everyone else's.
        RequeueInterrupted(now);
        return Read(
            $"""
            WITH picked AS (
                SELECT id FROM deliveries
                WHERE state = 0 AND due_at <= $1 AND (claimed_by IS NULL OR claimed_by = $3 OR lease_until < $1)
                ORDER BY (claimed_by IS NOT NULL AND lease_until >= $1), due_at LIMIT $2
                FOR UPDATE SKIP LOCKED)
            UPDATE deliveries d SET claimed_by = $3, lease_until = $4
            FROM picked WHERE d.id = picked.id
            RETURNING {Prefixed("d.")}
            """,
            PostgresDocument.Instant(now), PostgresDocument.Value(limit), Text(_instance), PostgresDocument.Instant(now + _lease))
            .OrderBy(i => i.DueAt).ToList();
    }

    /// <inheritdoc />
    public DeliveryItem? Take(string id, DateTimeOffset now) =>
        // One UPDATE: the row lock makes a concurrent claim by another instance wait and then see this one.
        Read(
            $"""
            UPDATE deliveries SET claimed_by = $2, lease_until = $3
            WHERE id = $1 AND state = 0 AND due_at <= $4 AND (claimed_by IS NULL OR claimed_by = $2 OR lease_until < $4)
            RETURNING {Columns}
            """,
            Text(id), Text(_instance), PostgresDocument.Instant(now + _lease), PostgresDocument.Instant(now)).FirstOrDefault();

    /// <inheritdoc />
    public void RenewLeases(IReadOnlyCollection<string> ids, DateTimeOffset now)
    {
        if (ids.Count == 0)
        {
            return;
        }

        using var command = _dataSource.CreateCommand("UPDATE deliveries SET lease_until = $3 WHERE id = ANY($1) AND claimed_by = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(Text(_instance));
        command.Parameters.Add(PostgresDocument.Instant(now + _lease));
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public DateTimeOffset? NextDue()
    {
        using var command = _dataSource.CreateCommand("SELECT min(due_at) FROM deliveries WHERE state = 0");
        return command.ExecuteScalar() is DateTime next ? new DateTimeOffset(next, TimeSpan.Zero) : null;
    }

    /// <inheritdoc />
    public void Save(DeliveryItem item)
    {
        // Only the holder writes: an instance that lost its claim (frozen past its lease) must not undo the work of the
        // instance that took the item over.
        // REVIEW: the frozen instance still sends once it wakes; only a lease far longer than any pause rules that out.
        using var command = _dataSource.CreateCommand(
            "UPDATE deliveries SET state = $7, attempts = $8, due_at = $9, updated_at = $11, sent_at = $12, activity_id = $13, " +
            "last_status = $14, last_error = $15, interruptions = $16 WHERE id = $1 AND (claimed_by IS NULL OR claimed_by = $17)");
        command.Parameters.AddRange(Values(item));
        command.Parameters.Add(Text(_instance));
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public int RequeueInterrupted(DateTimeOffset now)
    {
        using var command = _dataSource.CreateCommand(
            """
            UPDATE deliveries SET state = 0, due_at = $1, updated_at = $1, interruptions = interruptions + 1, claimed_by = NULL, lease_until = NULL
            WHERE state = 1 AND (lease_until IS NULL OR lease_until < $1)
            """);
        command.Parameters.Add(PostgresDocument.Instant(now));
        return command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<DeliveryState, int> CountByState(string jobId)
    {
        using var command = _dataSource.CreateCommand("SELECT state, count(*) FROM deliveries WHERE job_id = $1 GROUP BY state");
        command.Parameters.Add(Text(jobId));
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<DeliveryState, int>();
        while (reader.Read())
        {
            counts[(DeliveryState)reader.GetInt16(0)] = (int)reader.GetInt64(1);
        }

        return counts;
    }

    /// <inheritdoc />
    public List<DeliveryItem> ListJob(string jobId) =>
        Read($"SELECT {Columns} FROM deliveries WHERE job_id = $1 ORDER BY recipient_key COLLATE \"C\"", Text(jobId));

    /// <inheritdoc />
    public List<DeliveryItem> DeliveredInJobs(string jobPrefix) =>
        Read($"SELECT {Columns} FROM deliveries WHERE starts_with(job_id, $1) AND state IN (1, 2)", Text(jobPrefix));

    /// <inheritdoc />
    public int CancelPending(string jobPrefix, DateTimeOffset now)
    {
        using var command = _dataSource.CreateCommand(
            "UPDATE deliveries SET state = 6, due_at = 'infinity', updated_at = $2 WHERE starts_with(job_id, $1) AND state = 0");
        command.Parameters.Add(Text(jobPrefix));
        command.Parameters.Add(PostgresDocument.Instant(now));
        return command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public bool IsCancelled(string id)
    {
        using var command = _dataSource.CreateCommand("SELECT state = 6 FROM deliveries WHERE id = $1");
        command.Parameters.Add(Text(id));
        return command.ExecuteScalar() is true;
    }

    private static string Prefixed(string alias) => string.Join(", ", Columns.Split(", ").Select(c => alias + c));

    private static NpgsqlParameter Text(string value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Instant(DateTimeOffset? value) =>
        value is { } v ? PostgresDocument.Instant(v) : new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    /// <summary>The row's values in the order of <c>Columns</c> ($1 … $16).</summary>
    internal static NpgsqlParameter[] Values(DeliveryItem item) =>
    [
        Text(item.Id),
        Text(item.JobId),
        Text(item.RecipientKey),
        Text(item.ConversationId),
        Text(item.ReferenceJson),
        Text(item.ActivityJson),
        new NpgsqlParameter { Value = (short)item.State, NpgsqlDbType = NpgsqlDbType.Smallint },
        new NpgsqlParameter { Value = item.Attempts, NpgsqlDbType = NpgsqlDbType.Integer },
        Instant(item.DueAt),
        Instant(item.CreatedAt),
        Instant(item.UpdatedAt),
        Instant(item.SentAt),
        new NpgsqlParameter { Value = (object?)item.ActivityId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
        new NpgsqlParameter { Value = (object?)item.LastStatus ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer },
        new NpgsqlParameter { Value = (object?)item.LastError ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
        new NpgsqlParameter { Value = item.Interruptions, NpgsqlDbType = NpgsqlDbType.Integer },
    ];

    private List<DeliveryItem> Read(string sql, params NpgsqlParameter[] parameters)
    {
        using var command = _dataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        using var reader = command.ExecuteReader();
        var items = new List<DeliveryItem>();
        while (reader.Read())
        {
            items.Add(new DeliveryItem
            {
                Id = reader.GetString(0),
                JobId = reader.GetString(1),
                RecipientKey = reader.GetString(2),
                ConversationId = reader.GetString(3),
                ReferenceJson = reader.GetString(4),
                ActivityJson = reader.GetString(5),
                State = (DeliveryState)reader.GetInt16(6),
                Attempts = reader.GetInt32(7),
                DueAt = reader.GetFieldValue<DateTimeOffset>(8),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(9),
                UpdatedAt = reader.GetFieldValue<DateTimeOffset>(10),
                SentAt = reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
                ActivityId = reader.IsDBNull(12) ? null : reader.GetString(12),
                LastStatus = reader.IsDBNull(13) ? null : reader.GetInt32(13),
                LastError = reader.IsDBNull(14) ? null : reader.GetString(14),
                Interruptions = reader.GetInt32(15),
            });
        }

        return items;
    }
}
