using System.Security.Cryptography;
using System.Text;
using LiteDB;

namespace Cppcc.Bot.Knowledge;

/// <summary>
/// Embedding vectors already paid for (LiteDB <c>kb_embeddings</c>), keyed by a hash of the deployment and the exact
/// text embedded: a restart, a reload or an unchanged entry costs no call, and an edited entry gets a new key.
/// </summary>
public sealed class EmbeddingCacheStore
{
    private readonly ILiteCollection<CachedVector> _vectors;

    /// <summary>Creates the store over the bot's database.</summary>
    public EmbeddingCacheStore(ILiteDatabase database) => _vectors = database.GetCollection<CachedVector>("kb_embeddings");

    /// <summary>The cache key of <paramref name="text"/> embedded by <paramref name="deployment"/>.</summary>
    public static string Key(string deployment, string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(deployment + "\n" + text)));

    /// <summary>The stored vector, or null.</summary>
    public float[]? Find(string key) => _vectors.FindById(key) is { } hit ? FromBytes(hit.Vector) : null;

    /// <summary>Stores vectors by key (replacing any under the same key).</summary>
    public void Save(IEnumerable<(string Key, float[] Vector)> vectors) =>
        _vectors.Upsert(vectors.Select(v => new CachedVector { Id = v.Key, Vector = ToBytes(v.Vector) }));

    // Bytes, not a BSON array of doubles: a 1,536-dimension vector stays 6 KB.
    private static byte[] ToBytes(float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        Buffer.BlockCopy(vector, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    private static float[] FromBytes(byte[] bytes)
    {
        var vector = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, vector, 0, bytes.Length);
        return vector;
    }

    private sealed class CachedVector
    {
        public string Id { get; set; } = "";

        public byte[] Vector { get; set; } = [];
    }
}
