using Cppcc.Bot.Storage.Postgres;
using Newtonsoft.Json;
using Npgsql;

namespace Cppcc.Bot.WeChat;

/// <summary>
/// <see cref="IWeChatUserStore"/> on PostgreSQL (table <c>wechat_users</c>: the openid, and the rest of
/// <see cref="WeChatUserRecord"/> as jsonb). A change reads the row <c>FOR UPDATE</c>, so two instances handling the
/// same user (a retry, a notice) cannot lose each other's change.
/// </summary>
public sealed class PostgresWeChatUserStore(NpgsqlDataSource dataSource) : IWeChatUserStore
{
    /// <summary>The table.</summary>
    public static readonly PostgresSchema Schema = new("wechat-users-001", """
        CREATE TABLE wechat_users (
            open_id text PRIMARY KEY,
            record jsonb NOT NULL
        );
        """);

    /// <inheritdoc />
    public DateTimeOffset? LastInboundAt(string openId)
        => Read(openId) is { LastInboundAt: { } at } ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;

    /// <inheritdoc />
    public void Touch(string openId, DateTimeOffset now) => Change(openId, u => u.LastInboundAt = now.UtcDateTime);

    /// <inheritdoc />
    public void SetChoices(string openId, IReadOnlyList<WeChatChoice> choices) => Change(openId, u => u.SetChoices(choices));

    /// <inheritdoc />
    public WeChatChoice? Choice(string openId, int number) => Read(openId)?.Choice(number);

    /// <inheritdoc />
    public void AddPending(string openId, string text) => Change(openId, u => u.AddPending(text));

    /// <inheritdoc />
    public void RemovePending(string openId, string text) => Change(openId, u => u.Pending.Remove(text));

    /// <inheritdoc />
    public IReadOnlyList<string> TakePending(string openId)
    {
        List<string> taken = [];
        Change(openId, u =>
        {
            taken = u.Pending;
            u.Pending = [];
        });
        return taken;
    }

    /// <summary>The JSON of a record as this table keeps it (the migration writes the same).</summary>
    public static string ToJson(WeChatUserRecord record) => JsonConvert.SerializeObject(record);

    private WeChatUserRecord? Read(string openId)
        => dataSource.QuerySingle("SELECT record::text FROM wechat_users WHERE open_id = $1", r => FromJson(openId, r.GetString(0)), openId);

    private void Change(string openId, Action<WeChatUserRecord> change)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        transaction.Execute("INSERT INTO wechat_users (open_id, record) VALUES ($1, $2::jsonb) ON CONFLICT (open_id) DO NOTHING",
            openId, ToJson(new WeChatUserRecord { Id = openId }));
        var user = transaction.Query("SELECT record::text FROM wechat_users WHERE open_id = $1 FOR UPDATE", r => FromJson(openId, r.GetString(0)), openId)[0];
        change(user);
        transaction.Execute("UPDATE wechat_users SET record = $2::jsonb WHERE open_id = $1", openId, ToJson(user));
        transaction.Commit();
    }

    private static WeChatUserRecord FromJson(string openId, string json)
    {
        var record = JsonConvert.DeserializeObject<WeChatUserRecord>(json) ?? new WeChatUserRecord();
        record.Id = openId;
        return record;
    }
}
