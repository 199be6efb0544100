using Cppcc.Bot.Storage;
using LiteDB;

namespace Cppcc.Bot.WeChat;

/// <summary><see cref="IWeChatTokenStore"/> on LiteDB. Owns <c>wechat_tokens</c>.</summary>
public sealed class WeChatTokenStore : IWeChatTokenStore
{
    private readonly ILiteCollection<StoredToken> _tokens;

    public WeChatTokenStore(ILiteDatabase database) => _tokens = LiteDbCollections.Open<StoredToken>(database, "wechat_tokens");

    /// <inheritdoc />
    public (string Token, DateTimeOffset ExpiresAt)? Find(string appId) =>
        _tokens.FindById(appId) is { } stored ? (stored.Token, new DateTimeOffset(stored.ExpiresAt.ToUniversalTime(), TimeSpan.Zero)) : null;

    /// <inheritdoc />
    public void Save(string appId, string token, DateTimeOffset expiresAt) =>
        _tokens.Upsert(new StoredToken { Id = appId, Token = token, ExpiresAt = expiresAt.UtcDateTime });

    private sealed class StoredToken
    {
        [BsonId]
        public string Id { get; set; } = "";

        public string Token { get; set; } = "";

        public DateTime ExpiresAt { get; set; }
    }
}
