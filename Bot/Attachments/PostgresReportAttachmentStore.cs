using Cppcc.Bot.Storage.Postgres;
using Npgsql;

namespace Cppcc.Bot.Attachments;

/// <summary>
/// <see cref="IReportAttachmentStore"/> on PostgreSQL (table <c>report_attachments</c>, bytes in the row: a report
/// holds only a few files of a few MB each).
/// </summary>
public sealed class PostgresReportAttachmentStore(NpgsqlDataSource dataSource) : IReportAttachmentStore
{
    private const string Columns = "id, reference, owner_key, file_name, content_type, number, length, received_at";

    /// <summary>The table.</summary>
    public static readonly PostgresSchema Schema = new("report-attachments-001", """
        CREATE TABLE report_attachments (
            id text PRIMARY KEY,
            reference text NOT NULL,
            owner_key text NOT NULL,
            file_name text NOT NULL,
            content_type text NOT NULL,
            number integer NOT NULL,
            length bigint NOT NULL,
            received_at timestamptz NOT NULL,
            bytes bytea NOT NULL,
            UNIQUE (reference, number)
        );
        """);

    /// <summary>The insert of one row, columns as <see cref="Values"/> gives them (also used by <c>migrate</c>).</summary>
    internal const string InsertRow = $"INSERT INTO report_attachments ({Columns}, bytes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

    /// <inheritdoc />
    public IReadOnlyList<StoredAttachment> For(string reference)
        => dataSource.Query($"SELECT {Columns} FROM report_attachments WHERE reference = $1 ORDER BY number", Read, reference);

    /// <inheritdoc />
    public bool TryAdd(StoredAttachment attachment, byte[] bytes, int max)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        // Adders of the same report, on any instance, wait here in turn until the one ahead commits, so each counts the
        // files already committed and the limit cannot be passed by two at once.
        transaction.Execute("SELECT pg_advisory_xact_lock(hashtextextended('report_attachments:' || $1, 0))", attachment.Reference);
        var count = (int)transaction.Query("SELECT count(*) FROM report_attachments WHERE reference = $1", r => r.GetInt64(0), attachment.Reference).Single();
        if (count >= max)
        {
            return false;
        }

        attachment.Number = count + 1;
        transaction.Execute(InsertRow, Values(attachment, bytes));
        transaction.Commit();
        return true;
    }

    /// <inheritdoc />
    public (StoredAttachment Attachment, byte[] Bytes)? Open(string id)
        => dataSource.QuerySingle<(StoredAttachment, byte[])?>(
            $"SELECT {Columns}, bytes FROM report_attachments WHERE id = $1", r => (Read(r), (byte[])r[8]), id);

    /// <summary>The row's values in the column order of <see cref="InsertRow"/>.</summary>
    internal static object?[] Values(StoredAttachment a, byte[] bytes)
        => [a.Id, a.Reference, a.OwnerKey, a.FileName, a.ContentType, a.Number, a.Length, PostgresCommands.Utc(a.ReceivedAt), bytes];

    private static StoredAttachment Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        Reference = r.GetString(1),
        OwnerKey = r.GetString(2),
        FileName = r.GetString(3),
        ContentType = r.GetString(4),
        Number = r.GetInt32(5),
        Length = r.GetInt64(6),
        ReceivedAt = r.GetDateTime(7),
    };
}
