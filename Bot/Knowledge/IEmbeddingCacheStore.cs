namespace Cppcc.Bot.Knowledge;

/// <summary>
/// Embedding vectors already paid for, keyed by a hash of the deployment and the exact text embedded
/// (<see cref="EmbeddingCacheStore.Key"/>): a restart, a reload or an unchanged entry costs no call, and an edited entry
/// gets a new key.
/// </summary>
public interface IEmbeddingCacheStore
{
    /// <summary>The stored vector, or null.</summary>
    float[]? Find(string key);

    /// <summary>Stores vectors by key (replacing any under the same key).</summary>
    void Save(IEnumerable<(string Key, float[] Vector)> vectors);
}
