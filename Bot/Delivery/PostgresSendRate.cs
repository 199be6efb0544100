using Npgsql;
using NpgsqlTypes;

namespace Cppcc.Bot.Delivery;

/// <summary>
/// The bot-wide send rate shared by every instance: one row holds the next free send time, and each permit moves it on
/// by one interval (a virtual schedule, "generic cell rate"). Times are the database's clock, so instances whose clocks
/// differ still space their sends on one time line. A 429 pause moves the row past the pause for everyone.
/// </summary>
public sealed class PostgresSendRate(NpgsqlDataSource dataSource, DeliveryOptions options, TimeProvider time, BackgroundActivity activity) : ISendRate
{
    /// <summary>The one row of the schedule.</summary>
    public const string Schema = """
        CREATE TABLE delivery_send_rate (id int PRIMARY KEY, next_at timestamptz NOT NULL);
        INSERT INTO delivery_send_rate VALUES (1, '-infinity');
        """;

    private readonly TimeSpan _interval = (TimeSpan.FromSeconds(1) + options.SharedRateMargin) / options.MessagesPerSecond;

    /// <inheritdoc />
    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        // The granted slot is the old next time (or now, if that has passed); the wait is read on the same clock.
        await using var command = dataSource.CreateCommand(
            """
            UPDATE delivery_send_rate SET next_at = greatest(next_at, clock_timestamp()) + $1 WHERE id = 1
            RETURNING extract(epoch FROM next_at - $1 - clock_timestamp())::float8
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = _interval, NpgsqlDbType = NpgsqlDbType.Interval });
        var seconds = (double)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        if (seconds > 0)
        {
            await activity.DelayAsync(TimeSpan.FromSeconds(seconds), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void PauseFor(TimeSpan delay)
    {
        using var command = dataSource.CreateCommand("UPDATE delivery_send_rate SET next_at = greatest(next_at, clock_timestamp() + $1) WHERE id = 1");
        command.Parameters.Add(new NpgsqlParameter { Value = delay, NpgsqlDbType = NpgsqlDbType.Interval });
        command.ExecuteNonQuery();
    }
}
