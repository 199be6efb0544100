using Npgsql;
using NpgsqlTypes;

namespace Cppcc.Bot.Delivery;

/// <summary>
/// The bot-wide send rate shared by every instance, in two parts. Permits: one row holds the next free send time, and
/// each permit moves it on by one interval (a virtual schedule, "generic cell rate"), which spaces the sends evenly; a
/// 429 pause moves the row past the pause for everyone. At the wire: a log of the requests on the wire and of when
/// their answers came back caps any one second at <see cref="DeliveryOptions.MessagesPerSecond"/> whatever held a
/// sender up between its permit and the wire. Times are the database's clock, one time line for every instance.
/// </summary>
public sealed class PostgresSendRate(NpgsqlDataSource dataSource, DeliveryOptions options, TimeProvider time, BackgroundActivity activity) : ISendRate
{
    /// <summary>
    /// The one row of the schedule, and the requests on the wire or answered lately (a request whose instance died on
    /// the wire counts until its send timeout has passed).
    /// </summary>
    public const string Schema = """
        CREATE TABLE delivery_send_rate (id int PRIMARY KEY, next_at timestamptz NOT NULL);
        INSERT INTO delivery_send_rate VALUES (1, '-infinity');
        CREATE TABLE delivery_on_wire (id bigserial PRIMARY KEY, expires_at timestamptz NOT NULL, answered_at timestamptz);
        CREATE INDEX delivery_on_wire_answered ON delivery_on_wire (answered_at);
        CREATE INDEX delivery_on_wire_open ON delivery_on_wire (expires_at) WHERE answered_at IS NULL;
        """;

    // Any constant shared by every instance; unlike the schema lock's key ("CPPCCBOT").
    private const long WireLockKey = 0x43505043_57495245; // "CPPCWIRE"
    private int _stamped;

    private readonly TimeSpan _interval = (TimeSpan.FromSeconds(1) + options.SharedRateMargin) / options.MessagesPerSecond;

    /// <inheritdoc />
    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = await ReserveAsync(cancellationToken);
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            var slot = time.GetTimestamp();
            await activity.DelayAsync(wait, time, cancellationToken);
            // Woken late (CPU starved, a GC pause): the senders of the next slots wake together with this one, and all of
            // them at once would crowd one second. A late slot is let go and a fresh one taken at the end of the line.
            if (time.GetElapsedTime(slot) - wait <= _interval)
            {
                return;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<IDisposable?> OnWireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            // One batch is one transaction: the lock makes the count and the insert one step across all instances.
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var batch = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({WireLockKey})"),
                    new NpgsqlBatchCommand(
                        """
                        INSERT INTO delivery_on_wire (expires_at) SELECT clock_timestamp() + $2
                        WHERE (SELECT count(*) FROM delivery_on_wire
                               WHERE answered_at > clock_timestamp() - interval '1 second'
                                  OR (answered_at IS NULL AND expires_at > clock_timestamp())) < $1
                        RETURNING id
                        """)
                    {
                        Parameters =
                        {
                            new NpgsqlParameter { Value = options.MessagesPerSecond, NpgsqlDbType = NpgsqlDbType.Integer },
                            new NpgsqlParameter { Value = options.SendTimeout, NpgsqlDbType = NpgsqlDbType.Interval },
                        },
                    },
                    new NpgsqlBatchCommand(
                        "SELECT extract(epoch FROM min(answered_at) + interval '1 second' - clock_timestamp())::float8 FROM delivery_on_wire WHERE answered_at > clock_timestamp() - interval '1 second'"),
                },
            };
            long? id = null;
            double? freesIn = null;
            await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
            {
                await reader.NextResultAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    id = reader.GetInt64(0);
                }

                await reader.NextResultAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0))
                {
                    freesIn = reader.GetDouble(0);
                }
            }

            if (id is { } granted)
            {
                return new Answered(this, granted);
            }

            // Full: a place frees when the oldest answer leaves the second, or when a request on the wire is answered.
            var wait = TimeSpan.FromSeconds(Math.Clamp(freesIn ?? 0, 0.005, 0.05));
            await activity.DelayAsync(wait, time, cancellationToken);
        }
    }

    private void Stamp(long id)
    {
        using var command = dataSource.CreateCommand("UPDATE delivery_on_wire SET answered_at = clock_timestamp() WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.ExecuteNonQuery();
        if (Interlocked.Increment(ref _stamped) % 1000 == 0)
        {
            using var purge = dataSource.CreateCommand(
                "DELETE FROM delivery_on_wire WHERE answered_at < clock_timestamp() - interval '1 minute' OR expires_at < clock_timestamp() - interval '1 minute'");
            purge.ExecuteNonQuery();
        }
    }

    /// <summary>A request on the wire; disposed when its answer is back (or it failed).</summary>
    private sealed class Answered(PostgresSendRate rate, long id) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                rate.Stamp(id);
            }
        }
    }

    private async Task<TimeSpan> ReserveAsync(CancellationToken cancellationToken)
    {
        // The granted slot is the old next time (or now, if that has passed); the wait is read on the same clock.
        await using var command = dataSource.CreateCommand(
            """
            UPDATE delivery_send_rate SET next_at = greatest(next_at, clock_timestamp()) + $1 WHERE id = 1
            RETURNING extract(epoch FROM next_at - $1 - clock_timestamp())::float8
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = _interval, NpgsqlDbType = NpgsqlDbType.Interval });
        return TimeSpan.FromSeconds((double)(await command.ExecuteScalarAsync(cancellationToken))!);
    }

    /// <inheritdoc />
    public void PauseFor(TimeSpan delay)
    {
        using var command = dataSource.CreateCommand("UPDATE delivery_send_rate SET next_at = greatest(next_at, clock_timestamp() + $1) WHERE id = 1");
        command.Parameters.Add(new NpgsqlParameter { Value = delay, NpgsqlDbType = NpgsqlDbType.Interval });
        command.ExecuteNonQuery();
    }
}
