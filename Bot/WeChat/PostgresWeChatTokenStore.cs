using Cppcc.Bot.Storage.Postgres;
using Npgsql;

namespace Cppcc.Bot.WeChat;

/// <summary><see cref="IWeChatTokenStore"/> on PostgreSQL (table <c>wechat_tokens</c>).</summary>
public sealed class PostgresWeChatTokenStore(NpgsqlDataSource dataSource) : IWeChatTokenStore
{
    /// <summary>The table.</summary>
    public static readonly PostgresSchema Schema = new("wechat-tokens-001", """
        CREATE TABLE wechat_tokens (
            app_id text PRIMARY KEY,
            token text NOT NULL,
            expires_at timestamptz NOT NULL
        );
        """);

    /// <inheritdoc />
    public (string Token, DateTimeOffset ExpiresAt)? Find(string appId)
        => dataSource.QuerySingle<(string, DateTimeOffset)?>(
            "SELECT token, expires_at FROM wechat_tokens WHERE app_id = $1", r => (r.GetString(0), r.GetFieldValue<DateTimeOffset>(1)), appId);

    /// <inheritdoc />
    public void Save(string appId, string token, DateTimeOffset expiresAt)
        => dataSource.Execute(
            "INSERT INTO wechat_tokens (app_id, token, expires_at) VALUES ($1, $2, $3) ON CONFLICT (app_id) DO UPDATE SET token = $2, expires_at = $3",
            appId, token, expiresAt.ToUniversalTime());
}
