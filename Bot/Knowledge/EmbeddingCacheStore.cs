using System.Security.Cryptography;
using System.Text;
using LiteDB;

namespace Cppcc.Bot.Knowledge;

/// <summary><see cref="IEmbeddingCacheStore"/> on LiteDB (collection <c>kb_embeddings</c>).</summary>
public sealed class EmbeddingCacheStore : IEmbeddingCacheStore
{
    private readonly ILiteCollection<CachedVector> _vectors;

    /// <summary>Creates the store over the bot's database.</summary>
    public EmbeddingCacheStore(ILiteDatabase database) => _vectors = database.GetCollection<CachedVector>("kb_embeddings");

    /// <summary>The cache key of <paramref name="text"/> embedded by <paramref name="deployment"/>.</summary>
    public static string Key(string deployment, string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(deployment + "\n" + text)));

    /// <inheritdoc />
    public float[]? Find(string key) => _vectors.FindById(key) is { } hit ? FromBytes(hit.Vector) : null;

    /// <inheritdoc />
    public void Save(IEnumerable<(string Key, float[] Vector)> vectors) =>
        _vectors.Upsert(vectors.Select(v => new CachedVector { Id = v.Key, Vector = ToBytes(v.Vector) }));

    /// <summary>A vector as bytes (the stored form on every engine): a 1,536-dimension vector stays 6 KB.</summary>
    public static byte[] ToBytes(float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        Buffer.BlockCopy(vector, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    /// <summary>A vector from its stored bytes.</summary>
    public static float[] FromBytes(byte[] bytes)
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
