using Cppcc.Bot.Storage;
using LiteDB;

namespace Cppcc.Bot.WeChat;

/// <summary><see cref="IWeChatUserStore"/> on LiteDB. Owns <c>wechat_users</c>.</summary>
public sealed class WeChatUserStore : IWeChatUserStore
{
    private readonly ILiteCollection<WeChatUserRecord> _users;
    private readonly object _gate = new();

    public WeChatUserStore(ILiteDatabase database) => _users = LiteDbCollections.Open<WeChatUserRecord>(database, "wechat_users");

    /// <inheritdoc />
    public DateTimeOffset? LastInboundAt(string openId) =>
        _users.FindById(openId) is { LastInboundAt: { } at } ? new DateTimeOffset(at.ToUniversalTime(), TimeSpan.Zero) : null;

    /// <inheritdoc />
    public void Touch(string openId, DateTimeOffset now) => Change(openId, u => u.LastInboundAt = now.UtcDateTime);

    /// <inheritdoc />
    public void SetChoices(string openId, IReadOnlyList<WeChatChoice> choices) => Change(openId, u => u.SetChoices(choices));

    /// <inheritdoc />
    public WeChatChoice? Choice(string openId, int number) => _users.FindById(openId)?.Choice(number);

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

    private void Change(string openId, Action<WeChatUserRecord> change)
    {
        lock (_gate)
        {
            var user = _users.FindById(openId) ?? new WeChatUserRecord { Id = openId };
            change(user);
            _users.Upsert(user);
        }
    }
}
