using System.Globalization;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Dialogs.Sessions;
using Npgsql;

namespace Cppcc.Bot.Reminders;

/// <summary>
/// Study sessions in PostgreSQL, shared by every instance. Every instance runs the reminder scheduler; a reminder and a
/// recurring session's next occurrence are each decided under a lock on the session's row, so one instance acts and the
/// others find it done.
/// </summary>
public sealed class PostgresSessionStore(NpgsqlDataSource dataSource) : ISessionStore
{
    /// <summary>The tables: the session whole in <c>doc</c>, what the scheduler filters on as columns.</summary>
    public const string Schema = """
        CREATE TABLE session_counters (prefix text PRIMARY KEY, value int NOT NULL);
        CREATE TABLE study_sessions (
            id text PRIMARY KEY,
            starts_at timestamptz NOT NULL,
            cancelled boolean NOT NULL,
            recurring boolean NOT NULL,
            next_occurrence_created boolean NOT NULL,
            doc jsonb NOT NULL);
        CREATE INDEX study_sessions_start ON study_sessions (starts_at);
        """;

    /// <summary>One session's row, its values from <see cref="Columns"/> (also how <c>migrate</c> copies sessions in).</summary>
    internal const string InsertRow =
        "INSERT INTO study_sessions (id, starts_at, cancelled, recurring, next_occurrence_created, doc) VALUES ($1, $2, $3, $4, $5, $6)";

    /// <inheritdoc />
    public StudySession Add(StudySession session)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Insert(connection, transaction, session);
        transaction.Commit();
        return session;
    }

    /// <inheritdoc />
    public StudySession? Find(string id)
        => PostgresDocument.Query<StudySession>(dataSource, "SELECT doc FROM study_sessions WHERE id = $1", PostgresDocument.Value(id)).FirstOrDefault();

    /// <inheritdoc />
    public StudySession? AddSuccessor(StudySession previous)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var stored = Lock(connection, transaction, previous.Id);
        StudySession? successor = null;
        if (stored is { NextOccurrenceCreated: false } && ReminderPlanner.NextStart(stored) is { } next)
        {
            successor = new StudySession
            {
                SeriesId = stored.SeriesId,
                Title = stored.Title,
                Kind = stored.Kind,
                StartsAt = next.ToUniversalTime(),
                OffsetMinutes = stored.OffsetMinutes,
                Location = stored.Location,
                Recurrence = stored.Recurrence,
                Audience = stored.Audience,
                CreatedBy = stored.CreatedBy,
            };
            Insert(connection, transaction, successor);
        }

        // The caller's copy may carry its own change (a cancellation) beside the mark.
        previous.NextOccurrenceCreated = true;
        Write(connection, transaction, previous);
        transaction.Commit();
        return successor;
    }

    /// <inheritdoc />
    public void Save(StudySession session)
    {
        using var connection = dataSource.OpenConnection();
        Write(connection, null, session);
    }

    /// <inheritdoc />
    public List<StudySession> StartingAfter(DateTimeOffset after)
        => PostgresDocument.Query<StudySession>(dataSource, "SELECT doc FROM study_sessions WHERE starts_at > $1 AND NOT cancelled ORDER BY starts_at",
            PostgresDocument.Instant(after));

    /// <inheritdoc />
    public List<StudySession> StartingBetween(DateTimeOffset from, DateTimeOffset to)
        => PostgresDocument.Query<StudySession>(dataSource,
            "SELECT doc FROM study_sessions WHERE starts_at >= $1 AND starts_at < $2 AND NOT cancelled ORDER BY starts_at",
            PostgresDocument.Instant(from), PostgresDocument.Instant(to));

    /// <inheritdoc />
    public List<StudySession> StartedWithoutSuccessor(DateTimeOffset now)
        => PostgresDocument.Query<StudySession>(dataSource,
            "SELECT doc FROM study_sessions WHERE starts_at <= $1 AND recurring AND NOT next_occurrence_created AND NOT cancelled",
            PostgresDocument.Instant(now));

    /// <inheritdoc />
    public bool RemindOnce(StudySession session, TimeSpan lead, IReadOnlyList<TimeSpan> skipped, Action queue)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        // Another instance deciding the same reminder waits here until this transaction ends, then sees it recorded. If
        // this process dies after queueing and before the commit, the next one queues again: the delivery job's id
        // (session, revision, lead) keeps each member at one message.
        if (Lock(connection, transaction, session.Id) is not { } stored || stored.Revision != session.Revision || stored.RemindedLeads.Contains(lead.Ticks))
        {
            return false;
        }

        queue();
        stored.RemindedLeads.Add(lead.Ticks);
        stored.RemindedLeads.AddRange(skipped.Select(l => l.Ticks));
        Write(connection, transaction, stored);
        transaction.Commit();
        session.RemindedLeads = stored.RemindedLeads;
        return true;
    }

    private static StudySession? Lock(NpgsqlConnection connection, NpgsqlTransaction transaction, string id)
    {
        using var read = new NpgsqlCommand("SELECT doc FROM study_sessions WHERE id = $1 FOR UPDATE", connection, transaction);
        read.Parameters.Add(PostgresDocument.Value(id));
        using var reader = read.ExecuteReader();
        return reader.Read() ? PostgresDocument.Read<StudySession>(reader, 0) : null;
    }

    private static void Insert(NpgsqlConnection connection, NpgsqlTransaction transaction, StudySession session)
    {
        // Numbered from the rows already there on first use, so sessions moved in from LiteDB keep counting on.
        var prefix = $"HD-{session.LocalStart.Year}-";
        using (var next = new NpgsqlCommand(
            """
            INSERT INTO session_counters (prefix, value) VALUES ($1, (SELECT count(*) FROM study_sessions WHERE starts_with(id, $1)) + 1)
            ON CONFLICT (prefix) DO UPDATE SET value = session_counters.value + 1
            RETURNING value
            """, connection, transaction))
        {
            next.Parameters.Add(PostgresDocument.Value(prefix));
            session.Id = prefix + ((int)next.ExecuteScalar()!).ToString("D4", CultureInfo.InvariantCulture);
        }

        if (session.SeriesId.Length == 0)
        {
            session.SeriesId = session.Id;
        }

        using var insert = new NpgsqlCommand(InsertRow, connection, transaction);
        AddColumns(insert, session);
        insert.ExecuteNonQuery();
    }

    private static void Write(NpgsqlConnection connection, NpgsqlTransaction? transaction, StudySession session)
    {
        using var update = new NpgsqlCommand(
            "UPDATE study_sessions SET starts_at = $2, cancelled = $3, recurring = $4, next_occurrence_created = $5, doc = $6 WHERE id = $1",
            connection, transaction);
        AddColumns(update, session);
        update.ExecuteNonQuery();
    }

    private static void AddColumns(NpgsqlCommand command, StudySession session) => command.Parameters.AddRange(Columns(session));

    /// <summary>The row's values in column order ($1 … $6 of <see cref="InsertRow"/> and of the update).</summary>
    internal static NpgsqlParameter[] Columns(StudySession session) =>
    [
        PostgresDocument.Value(session.Id),
        PostgresDocument.Instant(session.StartsAt),
        PostgresDocument.Value(session.Cancelled),
        PostgresDocument.Value(session.Recurrence != Recurrence.None),
        PostgresDocument.Value(session.NextOccurrenceCreated),
        PostgresDocument.Parameter(session),
    ];
}
