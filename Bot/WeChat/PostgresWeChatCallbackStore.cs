using Cppcc.Bot.Storage.Postgres;
using Npgsql;

namespace Cppcc.Bot.WeChat;

/// <summary><see cref="IWeChatCallbackStore"/> on PostgreSQL (table <c>wechat_callbacks</c>), shared by every instance.</summary>
public sealed class PostgresWeChatCallbackStore(NpgsqlDataSource dataSource) : IWeChatCallbackStore
{
    /// <summary>The table.</summary>
    public static readonly PostgresSchema Schema = new("wechat-callbacks-001", """
        CREATE TABLE wechat_callbacks (
            key text PRIMARY KEY,
            value text NOT NULL,
            expires_at timestamptz NOT NULL
        );
        CREATE INDEX wechat_callbacks_expires_at ON wechat_callbacks (expires_at);
        """);

    /// <inheritdoc />
    /// <remarks>
    /// One statement: two instances claiming one key at once meet at the primary key, the second waits for the first
    /// and then takes the conflict branch, which keeps a live claim and returns it (a row is returned either way).
    /// </remarks>
    public string Claim(string key, string value, DateTimeOffset now, DateTimeOffset expiresAt)
        => dataSource.QuerySingle("""
            INSERT INTO wechat_callbacks (key, value, expires_at) VALUES ($1, $2, $3)
            ON CONFLICT (key) DO UPDATE SET
                value = CASE WHEN wechat_callbacks.expires_at <= $4 THEN excluded.value ELSE wechat_callbacks.value END,
                expires_at = CASE WHEN wechat_callbacks.expires_at <= $4 THEN excluded.expires_at ELSE wechat_callbacks.expires_at END
            RETURNING value
            """, r => r.GetString(0), key, value, expiresAt.ToUniversalTime(), now.ToUniversalTime())!;

    /// <inheritdoc />
    public int RemoveExpired(DateTimeOffset now)
        => dataSource.Execute("DELETE FROM wechat_callbacks WHERE expires_at <= $1", now.ToUniversalTime());
}
