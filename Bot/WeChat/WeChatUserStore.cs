using Cppcc.Bot.Storage;
using LiteDB;

namespace Cppcc.Bot.WeChat;

/// <summary>
/// Per WeChat user (openid): when they last wrote (the 48-hour customer-service window), their numbered choices, and
/// notices that could not be delivered, shown when they next write. Owns <c>wechat_users</c>.
/// </summary>
public sealed class WeChatUserStore
{
    private const int MaxPending = 20;
    private readonly ILiteCollection<WeChatUser> _users;
    private readonly object _gate = new();

    public WeChatUserStore(ILiteDatabase database) => _users = LiteDbCollections.Open<WeChatUser>(database, "wechat_users");

    public DateTimeOffset? LastInboundAt(string openId) =>
        _users.FindById(openId) is { LastInboundAt: { } at } ? new DateTimeOffset(at.ToUniversalTime(), TimeSpan.Zero) : null;

    public void Touch(string openId, DateTimeOffset now) => Change(openId, u => u.LastInboundAt = now.UtcDateTime);

    /// <summary>Replaces the user's numbered choices (an empty list clears them: the next "1" is plain text again).</summary>
    public void SetChoices(string openId, IReadOnlyList<WeChatChoice> choices) => Change(openId, u => u.Choices = choices.Select(c => new StoredChoice { Title = c.Title, Text = c.Text, ValueJson = c.ValueJson }).ToList());

    public WeChatChoice? Choice(string openId, int number) =>
        _users.FindById(openId)?.Choices is { } choices && number >= 1 && number <= choices.Count
            ? new WeChatChoice(choices[number - 1].Title, choices[number - 1].Text, choices[number - 1].ValueJson)
            : null;

    public void AddPending(string openId, string text) => Change(openId, u =>
    {
        if (!u.Pending.Contains(text))
            u.Pending.Add(text);
        // A user who never comes back must not grow the record without bound: the oldest go first.
        if (u.Pending.Count > MaxPending)
            u.Pending.RemoveRange(0, u.Pending.Count - MaxPending);
    });

    public void RemovePending(string openId, string text) => Change(openId, u => u.Pending.Remove(text));

    /// <summary>The undelivered notices, removed from the store.</summary>
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

    private void Change(string openId, Action<WeChatUser> change)
    {
        lock (_gate)
        {
            var user = _users.FindById(openId) ?? new WeChatUser { Id = openId };
            change(user);
            _users.Upsert(user);
        }
    }

    private sealed class WeChatUser
    {
        [BsonId]
        public string Id { get; set; } = "";

        public DateTime? LastInboundAt { get; set; }

        public List<StoredChoice> Choices { get; set; } = [];

        public List<string> Pending { get; set; } = [];
    }

    private sealed class StoredChoice
    {
        public string Title { get; set; } = "";

        public string? Text { get; set; }

        public string? ValueJson { get; set; }
    }
}
