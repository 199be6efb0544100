using Cppcc.Bot.Knowledge.Retrieval;

namespace Cppcc.Bot.Knowledge;

/// <summary>
/// Embeddings for hybrid retrieval, off unless an <see cref="IKnowledgeEmbedder"/> is configured. At load, every text
/// the index needs (entries, and the questions calibration asks) is taken from <see cref="IEmbeddingCacheStore"/> or
/// fetched in batches; at question time the question's vector comes within a short timeout. Whatever fails, retrieval
/// goes on with words alone: embeddings may improve an answer, never block one.
/// </summary>
/// <remarks><c>embedders</c> is empty unless an embedding deployment is configured.</remarks>
public sealed class KnowledgeEmbeddings(IEnumerable<IKnowledgeEmbedder> embedders, IEmbeddingCacheStore cache, TimeSpan questionTimeout)
{
    /// <summary>Texts per request at load.</summary>
    public const int BatchSize = 64;

    /// <summary>A 429 at load is retried, backing off, up to this many attempts in all.</summary>
    public const int LoadAttempts = 3;

    private readonly IKnowledgeEmbedder? _embedder = embedders.FirstOrDefault();

    /// <summary>True when an embedding deployment is configured.</summary>
    public bool Enabled => _embedder is not null;

    /// <summary>Vectors for <paramref name="texts"/> (cached or fetched); null when embeddings are off or fetching failed.</summary>
    public async Task<KnowledgeVectors?> LoadAsync(IEnumerable<string> texts, CancellationToken cancellationToken)
    {
        if (_embedder is null)
        {
            return null;
        }

        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var text in texts.Distinct(StringComparer.Ordinal))
        {
            if (cache.Find(EmbeddingCacheStore.Key(_embedder.Deployment, text)) is { } cached)
            {
                vectors[text] = cached;
            }
            else
            {
                missing.Add(text);
            }
        }

        foreach (var batch in missing.Chunk(BatchSize))
        {
            // A batch of long texts takes longer than one question; still bounded.
            if (await _embedder.EmbedAsync(batch, LoadAttempts, questionTimeout * 10, cancellationToken) is not { } fetched)
            {
                return null;
            }

            cache.Save(batch.Select((text, i) => (EmbeddingCacheStore.Key(_embedder.Deployment, text), fetched[i])));
            for (var i = 0; i < batch.Length; i++)
            {
                vectors[batch[i]] = fetched[i];
            }
        }

        return new KnowledgeVectors(vectors);
    }

    /// <summary>The question's vector, or null (embeddings off, timeout, 429, any failure: words alone decide).</summary>
    public async Task<float[]?> QuestionAsync(string question, CancellationToken cancellationToken)
    {
        if (_embedder is null)
        {
            return null;
        }

        var fetched = await _embedder.EmbedAsync([question], 1, questionTimeout, cancellationToken);
        return fetched is [var vector] ? vector : null;
    }
}
