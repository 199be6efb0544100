using Cppcc.Bot.Storage.Postgres;
using Npgsql;

namespace Cppcc.Bot.WeChat;

/// <summary>
/// <see cref="IWeChatImageStore"/> on PostgreSQL (table <c>wechat_images</c>, bytes in the row: at most 10 MB each,
/// and few of them).
/// </summary>
public sealed class PostgresWeChatImageStore(NpgsqlDataSource dataSource) : IWeChatImageStore
{
    private const string Columns = "id, open_id, reference, content_type, received_at";

    /// <summary>The table.</summary>
    public static readonly PostgresSchema Schema = new("wechat-images-001", """
        CREATE TABLE wechat_images (
            id text PRIMARY KEY,
            open_id text NOT NULL,
            reference text,
            content_type text NOT NULL,
            received_at timestamptz NOT NULL,
            file_name text NOT NULL,
            bytes bytea NOT NULL
        );
        CREATE INDEX wechat_images_unattached ON wechat_images (open_id) WHERE reference IS NULL;
        CREATE INDEX wechat_images_reference ON wechat_images (reference);
        """);

    /// <inheritdoc />
    public void Add(WeChatImageInfo image, string fileName, byte[] bytes)
        // The download name is the last part of the path, as LiteDB file storage keeps it.
        => dataSource.Execute(
            $"INSERT INTO wechat_images ({Columns}, file_name, bytes) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            image.Id, image.OpenId, image.Reference, image.ContentType, PostgresCommands.Utc(image.ReceivedAt), Path.GetFileName(fileName), bytes);

    /// <inheritdoc />
    public IReadOnlyList<WeChatImageInfo> Unattached(string openId)
        => dataSource.Query($"SELECT {Columns} FROM wechat_images WHERE open_id = $1 AND reference IS NULL", Read, openId);

    /// <inheritdoc />
    public void Attach(string openId, string reference)
        => dataSource.Execute("UPDATE wechat_images SET reference = $2 WHERE open_id = $1 AND reference IS NULL", openId, reference);

    /// <inheritdoc />
    public IReadOnlyList<string> For(string reference)
        => dataSource.Query("SELECT id FROM wechat_images WHERE reference = $1 ORDER BY received_at, id", r => r.GetString(0), reference);

    /// <inheritdoc />
    public (byte[] Bytes, string ContentType, string FileName)? Open(string id)
        => dataSource.QuerySingle<(byte[], string, string)?>(
            "SELECT bytes, content_type, file_name FROM wechat_images WHERE id = $1", r => ((byte[])r[0], r.GetString(1), r.GetString(2)), id);

    private static WeChatImageInfo Read(NpgsqlDataReader r) => new(r.GetString(0), r.GetString(1), r.NullableString(2), r.GetString(3), r.GetDateTime(4));
}
