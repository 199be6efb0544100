using System.Security.Cryptography;
using Cppcc.Bot.Storage;
using LiteDB;

namespace Cppcc.Bot.WebChat;

/// <summary>
/// Keeps the generated Direct Line token key across restarts, so an open page keeps working after a deployment.
/// Owns the <c>webchat_keys</c> collection.
/// </summary>
internal sealed class WebChatKeyStore(ILiteDatabase database)
{
    private const string TokenKeyId = "directline-token";

    private readonly ILiteCollection<StoredKey> _keys = LiteDbCollections.Open<StoredKey>(database, "webchat_keys");

    public byte[] GetOrCreateTokenKey()
    {
        if (_keys.FindById(TokenKeyId) is { } stored)
        {
            return stored.Key;
        }

        var key = RandomNumberGenerator.GetBytes(WebChatSigningKey.MinimumBytes);
        _keys.Upsert(new StoredKey { Id = TokenKeyId, Key = key });
        return key;
    }

    private sealed class StoredKey
    {
        [BsonId]
        public string Id { get; set; } = "";

        public byte[] Key { get; set; } = [];
    }
}
