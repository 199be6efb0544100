using Cppcc.Bot.Storage;
using LiteDB;

namespace Cppcc.Bot.WeChat;

/// <summary><see cref="IWeChatCallbackStore"/> on LiteDB. Owns <c>wechat_callbacks</c>.</summary>
public sealed class WeChatCallbackStore : IWeChatCallbackStore
{
    private readonly ILiteCollection<StoredClaim> _claims;
    private readonly object _gate = new();

    public WeChatCallbackStore(ILiteDatabase database)
    {
        _claims = LiteDbCollections.Open<StoredClaim>(database, "wechat_callbacks");
        _claims.EnsureIndex(c => c.ExpiresAt);
    }

    /// <inheritdoc />
    public string Claim(string key, string value, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        // One process owns the file: a lock makes the read and the write one step for concurrent callbacks.
        lock (_gate)
        {
            if (_claims.FindById(key) is { } held && held.ExpiresAt > now.UtcDateTime)
            {
                return held.Value;
            }

            _claims.Upsert(new StoredClaim { Id = key, Value = value, ExpiresAt = expiresAt.UtcDateTime });
            return value;
        }
    }

    /// <inheritdoc />
    public int RemoveExpired(DateTimeOffset now)
    {
        var cutoff = now.UtcDateTime;
        return _claims.DeleteMany(c => c.ExpiresAt <= cutoff);
    }

    private sealed class StoredClaim
    {
        [BsonId]
        public string Id { get; set; } = "";

        public string Value { get; set; } = "";

        public DateTime ExpiresAt { get; set; }
    }
}
