using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;

namespace Cppcc.Bot.Delivery;

/// <summary>
/// Teams' per-conversation limits across every instance: a log of sends per conversation in PostgreSQL, checked and
/// added to under a lock on that conversation, so two instances cannot both take the last place in a window. A send is
/// logged when it is allowed (it counts while it waits and is on the wire) and re-stamped when its answer is back, like
/// <see cref="ConversationPacer"/> stamps it, so every window holds as Teams measures it.
/// </summary>
public sealed class PostgresConversationPacer(NpgsqlDataSource dataSource, DeliveryOptions options) : IConversationPacer
{
    /// <summary>The log; rows older than the longest window are purged every thousand sends.</summary>
    public const string Schema = """
        CREATE TABLE delivery_conversation_sends (id bigserial PRIMARY KEY, conversation_id text NOT NULL, at timestamptz NOT NULL);
        CREATE INDEX delivery_conversation_sends_at ON delivery_conversation_sends (conversation_id, at);
        """;

    // The first key of the two-key advisory locks (a space apart from the one-key schema lock): "conversation pace".
    private const int LockSpace = 0x43504143;
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan HalfMinute = TimeSpan.FromSeconds(30);

    // This instance's allowed-but-unanswered send per conversation (one at a time: the worker sends one item per
    // conversation at once).
    private readonly ConcurrentDictionary<string, long> _allowed = new(StringComparer.Ordinal);
    private int _recordsSincePurge;

    /// <inheritdoc />
    public TimeSpan DelayBeforeNext(string conversationId)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using (var locking = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1, hashtext($2))", connection, transaction))
        {
            locking.Parameters.Add(new NpgsqlParameter { Value = LockSpace, NpgsqlDbType = NpgsqlDbType.Integer });
            locking.Parameters.Add(new NpgsqlParameter { Value = conversationId, NpgsqlDbType = NpgsqlDbType.Text });
            locking.ExecuteNonQuery();
        }

        DateTimeOffset now;
        var log = new List<DateTimeOffset>();
        using (var read = new NpgsqlCommand(
            "SELECT clock_timestamp(), coalesce(array_agg(at ORDER BY at), '{}') FROM delivery_conversation_sends WHERE conversation_id = $1 AND at > clock_timestamp() - interval '30 seconds'",
            connection, transaction))
        {
            read.Parameters.Add(new NpgsqlParameter { Value = conversationId, NpgsqlDbType = NpgsqlDbType.Text });
            using var reader = read.ExecuteReader();
            reader.Read();
            now = reader.GetFieldValue<DateTimeOffset>(0);
            log.AddRange(reader.GetFieldValue<DateTimeOffset[]>(1));
        }

        var wait = ConversationPacer.Wait(log, now, options.PerConversationPerSecond, Second);
        var longWait = ConversationPacer.Wait(log, now, options.PerConversationPer30Seconds, HalfMinute);
        wait = wait > longWait ? wait : longWait;
        if (wait <= TimeSpan.Zero)
        {
            using var insert = new NpgsqlCommand(
                "INSERT INTO delivery_conversation_sends (conversation_id, at) VALUES ($1, clock_timestamp()) RETURNING id", connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter { Value = conversationId, NpgsqlDbType = NpgsqlDbType.Text });
            _allowed[conversationId] = (long)insert.ExecuteScalar()!;
        }

        transaction.Commit();
        return wait;
    }

    /// <inheritdoc />
    public void Record(string conversationId)
    {
        using var command = dataSource.CreateCommand();
        if (_allowed.TryRemove(conversationId, out var id))
        {
            command.CommandText = "UPDATE delivery_conversation_sends SET at = clock_timestamp() WHERE id = $1";
            command.Parameters.Add(new NpgsqlParameter { Value = id, NpgsqlDbType = NpgsqlDbType.Bigint });
        }
        else
        {
            command.CommandText = "INSERT INTO delivery_conversation_sends (conversation_id, at) VALUES ($1, clock_timestamp())";
            command.Parameters.Add(new NpgsqlParameter { Value = conversationId, NpgsqlDbType = NpgsqlDbType.Text });
        }

        command.ExecuteNonQuery();
        if (Interlocked.Increment(ref _recordsSincePurge) % 1000 == 0)
        {
            // Conversations not written to again keep their rows until here.
            using var purge = dataSource.CreateCommand("DELETE FROM delivery_conversation_sends WHERE at < clock_timestamp() - interval '30 seconds'");
            purge.ExecuteNonQuery();
        }
    }
}
