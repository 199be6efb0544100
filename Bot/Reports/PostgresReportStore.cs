using Cppcc.Bot.Storage.Postgres;
using Cppcc.Dialogs.Reports;
using Npgsql;
using NpgsqlTypes;

namespace Cppcc.Bot.Reports;

/// <summary>
/// Reports in PostgreSQL, shared by every instance of the bot. A reference comes from a counter row incremented in the
/// filing's own transaction (the row lock orders concurrent filings of all instances), so no two filings anywhere get
/// the same number and a failed insert leaves a gap rather than a repeat.
/// </summary>
public sealed class PostgresReportStore(NpgsqlDataSource dataSource) : IReportStore
{
    /// <summary>The tables: the report whole in <c>doc</c>, the fields lists filter and sort on as columns.</summary>
    public const string Schema = """
        CREATE TABLE report_counters (id text PRIMARY KEY, value bigint NOT NULL);
        CREATE SEQUENCE report_sequence;
        CREATE TABLE reports (
            reference text PRIMARY KEY,
            sequence bigint NOT NULL UNIQUE,
            author_key text NOT NULL,
            state text NOT NULL,
            category text NOT NULL,
            submitted_at timestamptz NOT NULL,
            cosigned_keys text[] NOT NULL,
            doc jsonb NOT NULL);
        CREATE INDEX reports_author ON reports (author_key, sequence DESC);
        CREATE INDEX reports_cosigned ON reports USING gin (cosigned_keys);
        CREATE INDEX reports_state ON reports (state, sequence DESC);
        CREATE INDEX reports_submitted ON reports (submitted_at);
        """;

    /// <summary>One report's row, its values from <see cref="Columns"/> (also how <c>migrate</c> copies reports in).</summary>
    internal const string InsertRow =
        "INSERT INTO reports (reference, sequence, author_key, state, category, submitted_at, cosigned_keys, doc) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

    /// <inheritdoc />
    public string Insert(StoredReport report, int year)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var counterId = $"{report.Kind.Prefix()}-{year}";
        using (var next = new NpgsqlCommand(
            """
            INSERT INTO report_counters (id, value) VALUES ($1, 1)
            ON CONFLICT (id) DO UPDATE SET value = report_counters.value + 1
            RETURNING value, nextval('report_sequence')
            """, connection, transaction))
        {
            next.Parameters.Add(PostgresDocument.Value(counterId));
            using var reader = next.ExecuteReader();
            reader.Read();
            report.Reference = $"{counterId}-{reader.GetInt64(0):D6}";
            report.Sequence = reader.GetInt64(1);
        }

        using (var insert = new NpgsqlCommand(InsertRow, connection, transaction))
        {
            AddColumns(insert, report);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return report.Reference;
    }

    /// <inheritdoc />
    public StoredReport? Find(string reference)
        => ReportFormat.IsReference(reference)
            ? PostgresDocument.Query<StoredReport>(dataSource, "SELECT doc FROM reports WHERE reference = $1", PostgresDocument.Value(reference)).FirstOrDefault()
            : null;

    /// <inheritdoc />
    public T Update<T>(string reference, Func<StoredReport?, (bool Save, T Result)> change)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        StoredReport? report = null;
        if (ReportFormat.IsReference(reference))
        {
            // FOR UPDATE: a second instance changing the same report waits here and then reads this change.
            using var read = new NpgsqlCommand("SELECT doc FROM reports WHERE reference = $1 FOR UPDATE", connection, transaction);
            read.Parameters.Add(PostgresDocument.Value(reference));
            using var reader = read.ExecuteReader();
            if (reader.Read())
            {
                report = PostgresDocument.Read<StoredReport>(reader, 0);
            }
        }

        var (save, result) = change(report);
        if (save && report is not null)
        {
            using var write = new NpgsqlCommand(
                "UPDATE reports SET sequence = $2, author_key = $3, state = $4, category = $5, submitted_at = $6, cosigned_keys = $7, doc = $8 WHERE reference = $1",
                connection, transaction);
            AddColumns(write, report);
            write.ExecuteNonQuery();
        }

        transaction.Commit();
        return result;
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredReport> ByAuthor(string authorKey, int limit)
        => PostgresDocument.Query<StoredReport>(dataSource, "SELECT doc FROM reports WHERE author_key = $1 ORDER BY sequence DESC LIMIT $2",
            PostgresDocument.Value(authorKey), PostgresDocument.Value(limit));

    /// <inheritdoc />
    public IReadOnlyList<StoredReport> ByAuthorOrCoSigner(string userKey, int limit)
        => PostgresDocument.Query<StoredReport>(dataSource,
            "SELECT doc FROM reports WHERE author_key = $1 OR cosigned_keys @> ARRAY[$1] ORDER BY sequence DESC LIMIT $2",
            PostgresDocument.Value(userKey), PostgresDocument.Value(limit));

    /// <inheritdoc />
    public IReadOnlyList<Fingerprint> Fingerprints()
        => PostgresDocument.Query<StoredReport>(dataSource, "SELECT doc FROM reports").Select(Fingerprint.Of).ToList();

    /// <inheritdoc />
    public IReadOnlyList<Fingerprint> FingerprintsAfter(long sequence, long[] also)
        => PostgresDocument.Query<StoredReport>(dataSource, "SELECT doc FROM reports WHERE sequence > $1 OR sequence = ANY($2)",
            PostgresDocument.Value(sequence), PostgresDocument.Value(also)).Select(Fingerprint.Of).ToList();

    /// <inheritdoc />
    public IReadOnlyList<StoredReport> FiledBetween(DateTime fromUtc, DateTime toUtc)
        => PostgresDocument.Query<StoredReport>(dataSource, "SELECT doc FROM reports WHERE submitted_at >= $1 AND submitted_at < $2",
            PostgresDocument.Instant(fromUtc), PostgresDocument.Instant(toUtc));

    /// <inheritdoc />
    public (IReadOnlyList<StoredReport> Items, int Total) Page(ReportState? state, string? category, int skip, int take)
    {
        const string filter = "($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR category = $2)";
        NpgsqlParameter[] Filter() =>
        [
            new() { Value = (object?)state?.ToString() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
            new() { Value = (object?)category ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
        ];

        using var count = dataSource.CreateCommand($"SELECT count(*) FROM reports WHERE {filter}");
        count.Parameters.AddRange(Filter());
        var total = (int)(long)count.ExecuteScalar()!;
        var items = PostgresDocument.Query<StoredReport>(dataSource,
            $"SELECT doc FROM reports WHERE {filter} ORDER BY sequence DESC OFFSET $3 LIMIT $4",
            [.. Filter(), PostgresDocument.Value(skip), PostgresDocument.Value(take)]);
        return (items, total);
    }

    /// <inheritdoc />
    public int Count()
    {
        using var command = dataSource.CreateCommand("SELECT count(*) FROM reports");
        return (int)(long)command.ExecuteScalar()!;
    }

    private static void AddColumns(NpgsqlCommand command, StoredReport report) => command.Parameters.AddRange(Columns(report));

    /// <summary>The row's values in column order ($1 … $8 of <see cref="InsertRow"/> and of the update).</summary>
    internal static NpgsqlParameter[] Columns(StoredReport report) =>
    [
        PostgresDocument.Value(report.Reference),
        PostgresDocument.Value(report.Sequence),
        PostgresDocument.Value(report.AuthorKey),
        PostgresDocument.Value(report.State.ToString()),
        PostgresDocument.Value(report.Category),
        PostgresDocument.Instant(report.SubmittedAt),
        new NpgsqlParameter { Value = report.CoSignedKeys.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
        PostgresDocument.Parameter(report),
    ];
}
