using Cppcc.Bot.Storage.Postgres;
using Npgsql;

namespace Cppcc.Bot.Broadcasts;

/// <summary>
/// Broadcasts in PostgreSQL, shared by every instance. Numbers come from a counter row per year, taken in the insert's
/// transaction (started at the rows already there, so data moved in from LiteDB keeps counting on).
/// </summary>
public sealed class PostgresBroadcastStore(NpgsqlDataSource dataSource) : IBroadcastStore
{
    /// <summary>The tables.</summary>
    public const string Schema = """
        CREATE TABLE broadcast_counters (year int PRIMARY KEY, value int NOT NULL);
        CREATE TABLE broadcasts (id text PRIMARY KEY, year int NOT NULL, finished boolean NOT NULL, doc jsonb NOT NULL);
        CREATE INDEX broadcasts_unfinished ON broadcasts (id) WHERE NOT finished;
        """;

    /// <summary>One broadcast's row, its values from <see cref="Columns"/> (also how <c>migrate</c> copies broadcasts in).</summary>
    internal const string InsertRow = "INSERT INTO broadcasts (id, year, finished, doc) VALUES ($1, $2, $3, $4)";

    /// <inheritdoc />
    public Broadcast Add(Broadcast broadcast)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Insert(transaction, broadcast);
        transaction.Commit();
        return broadcast;
    }

    /// <inheritdoc />
    public BroadcastClaim AddUnlessRepeated(Broadcast broadcast, DateTimeOffset since)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        // The sender's starts, on any instance, wait here in turn until the one ahead commits, so the second of a double
        // click sees the first one's row (each statement reads what was committed before it began).
        transaction.Execute("SELECT pg_advisory_xact_lock(hashtextextended('broadcasts:' || $1, 0))", broadcast.CreatedBy);
        var earlier = transaction.Query("SELECT doc FROM broadcasts WHERE doc->>'CreatedBy' = $1 AND year >= $2",
                r => PostgresDocument.Read<Broadcast>(r, 0), broadcast.CreatedBy, broadcast.Year - 1)
            .Where(b => b.CreatedAt >= since && broadcast.Repeats(b))
            .MaxBy(b => b.CreatedAt);
        if (earlier is not null)
        {
            return new BroadcastClaim(earlier, false);
        }

        Insert(transaction, broadcast);
        transaction.Commit();
        return new BroadcastClaim(broadcast, true);
    }

    private static void Insert(NpgsqlTransaction transaction, Broadcast broadcast)
    {
        var connection = transaction.Connection!;
        using (var next = new NpgsqlCommand(
            """
            INSERT INTO broadcast_counters (year, value) VALUES ($1, (SELECT count(*) FROM broadcasts WHERE year = $1) + 1)
            ON CONFLICT (year) DO UPDATE SET value = broadcast_counters.value + 1
            RETURNING value
            """, connection, transaction))
        {
            next.Parameters.Add(PostgresDocument.Value(broadcast.Year));
            broadcast.Id = $"TZ-{broadcast.Year}-{(int)next.ExecuteScalar()!:D4}";
        }

        using (var insert = new NpgsqlCommand(InsertRow, connection, transaction))
        {
            AddColumns(insert, broadcast);
            insert.ExecuteNonQuery();
        }
    }

    /// <inheritdoc />
    public Broadcast? Find(string id)
        => PostgresDocument.Query<Broadcast>(dataSource, "SELECT doc FROM broadcasts WHERE id = $1", PostgresDocument.Value(id)).FirstOrDefault();

    /// <inheritdoc />
    public List<Broadcast> Unfinished() => PostgresDocument.Query<Broadcast>(dataSource, "SELECT doc FROM broadcasts WHERE NOT finished ORDER BY id");

    /// <inheritdoc />
    public void Save(Broadcast broadcast)
    {
        // Never un-finishes: another instance's copy, read before this one finished it, must not reopen it (its summary
        // would go out twice).
        // REVIEW: so a summary that failed to send is not tried again here, unlike on LiteDB; 通知结果 still shows it.
        using var command = dataSource.CreateCommand(
            "UPDATE broadcasts SET year = $2, finished = finished OR $3, doc = jsonb_set($4, '{Finished}', to_jsonb(finished OR $3)) WHERE id = $1");
        AddColumns(command, broadcast);
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public bool TryFinish(Broadcast broadcast)
    {
        broadcast.Finished = true;
        using var command = dataSource.CreateCommand("UPDATE broadcasts SET year = $2, finished = $3, doc = $4 WHERE id = $1 AND NOT finished");
        AddColumns(command, broadcast);
        return command.ExecuteNonQuery() == 1;
    }

    private static void AddColumns(NpgsqlCommand command, Broadcast broadcast) => command.Parameters.AddRange(Columns(broadcast));

    /// <summary>The row's values in column order ($1 … $4 of <see cref="InsertRow"/> and of the updates).</summary>
    internal static NpgsqlParameter[] Columns(Broadcast broadcast) =>
    [
        PostgresDocument.Value(broadcast.Id),
        PostgresDocument.Value(broadcast.Year),
        PostgresDocument.Value(broadcast.Finished),
        PostgresDocument.Parameter(broadcast),
    ];
}
