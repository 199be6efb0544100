using Npgsql;
using NpgsqlTypes;

namespace Cppcc.Bot.Reminders;

/// <summary>Members' answers in PostgreSQL, shared by every instance: one row per (session, member), the latest wins.</summary>
public sealed class PostgresRsvpStore(NpgsqlDataSource dataSource) : IRsvpStore
{
    /// <summary>The table.</summary>
    public const string Schema = """
        CREATE TABLE session_rsvps (
            id text PRIMARY KEY,
            session_id text NOT NULL,
            user_key text NOT NULL,
            name text NOT NULL,
            attends boolean NOT NULL,
            at timestamptz NOT NULL);
        CREATE INDEX session_rsvps_session ON session_rsvps (session_id);
        CREATE INDEX session_rsvps_user ON session_rsvps (user_key);
        """;

    private const string Columns = "id, session_id, user_key, name, attends, at";

    /// <inheritdoc />
    public void Save(Rsvp rsvp)
    {
        rsvp.Id = rsvp.SessionId + "/" + rsvp.UserKey;
        using var command = dataSource.CreateCommand(Upsert);
        command.Parameters.AddRange(Values(rsvp));
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// One answer's row, its values from <see cref="Values"/>: a member's later answer replaces the earlier one (also how
    /// <c>migrate</c> copies answers in).
    /// </summary>
    internal const string Upsert = $"""
        INSERT INTO session_rsvps ({Columns}) VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, attends = excluded.attends, at = excluded.at
        """;

    /// <summary>The row's values in column order.</summary>
    internal static NpgsqlParameter[] Values(Rsvp rsvp) =>
    [
        Text(rsvp.Id),
        Text(rsvp.SessionId),
        Text(rsvp.UserKey),
        Text(rsvp.Name),
        new NpgsqlParameter { Value = rsvp.Attends, NpgsqlDbType = NpgsqlDbType.Boolean },
        new NpgsqlParameter { Value = rsvp.At.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz },
    ];

    /// <inheritdoc />
    public List<Rsvp> ByUser(string userKey) => Read($"SELECT {Columns} FROM session_rsvps WHERE user_key = $1", Text(userKey));

    /// <inheritdoc />
    public List<Rsvp> ForSessions(IReadOnlyCollection<string> sessionIds) =>
        sessionIds.Count == 0
            ? []
            : Read($"SELECT {Columns} FROM session_rsvps WHERE session_id = ANY($1)",
                new NpgsqlParameter { Value = sessionIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });

    /// <inheritdoc />
    public List<Rsvp> For(string sessionId) => Read($"SELECT {Columns} FROM session_rsvps WHERE session_id = $1 ORDER BY at", Text(sessionId));

    private static NpgsqlParameter Text(string value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Text };

    private List<Rsvp> Read(string sql, params NpgsqlParameter[] parameters)
    {
        using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        using var reader = command.ExecuteReader();
        var answers = new List<Rsvp>();
        while (reader.Read())
        {
            answers.Add(new Rsvp
            {
                Id = reader.GetString(0),
                SessionId = reader.GetString(1),
                UserKey = reader.GetString(2),
                Name = reader.GetString(3),
                Attends = reader.GetBoolean(4),
                At = reader.GetFieldValue<DateTimeOffset>(5),
            });
        }

        return answers;
    }
}
