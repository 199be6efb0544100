using System.Security.Cryptography;
using LiteDB;

namespace Cppcc.Bot.Storage;

/// <summary><see cref="ISigningKeyStore"/> on LiteDB. Owns the <c>signing_keys</c> collection.</summary>
public sealed class SigningKeyStore(ILiteDatabase database) : ISigningKeyStore
{
    private static readonly object Gate = new();

    private readonly ILiteCollection<StoredKey> _keys = LiteDbCollections.Open<StoredKey>(database, "signing_keys");

    /// <inheritdoc />
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
