using System.Security.Cryptography;
using LiteDB;

namespace Cppcc.Bot.Storage;

/// <summary>
/// Keeps generated signing keys (web chat tokens, staff download links) across restarts, so an open page or a link
/// handed out a minute ago keeps working after a deployment. Owns the <c>signing_keys</c> collection.
/// </summary>
public sealed class SigningKeyStore(ILiteDatabase database)
{
    private static readonly object Gate = new();

    private readonly ILiteCollection<StoredKey> _keys = LiteDbCollections.Open<StoredKey>(database, "signing_keys");

    /// <summary>The key named <paramref name="id"/>, made from <paramref name="bytes"/> random bytes the first time.</summary>
    public byte[] GetOrCreate(string id, int bytes)
    {
        lock (Gate)
        {
            if (_keys.FindById(id) is { } stored)
            {
                return stored.Key;
            }

            var key = RandomNumberGenerator.GetBytes(bytes);
            _keys.Insert(new StoredKey { Id = id, Key = key });
            return key;
        }
    }

    private sealed class StoredKey
    {
        [BsonId]
        public string Id { get; set; } = "";

        public byte[] Key { get; set; } = [];
    }
}
