namespace Cppcc.Bot.Knowledge;

/// <summary>Turns texts into embedding vectors (Azure OpenAI when <c>AzureOpenAI:EmbeddingDeployment</c> is set).</summary>
public interface IKnowledgeEmbedder
{
    /// <summary>The deployment the vectors come from; part of the cache key, since another model's vectors do not compare.</summary>
    string Deployment { get; }

    /// <summary>
    /// One vector per text, in order, or null on any failure (logged once). A 429 is retried up to
    /// <paramref name="attempts"/> times in all, backing off in between; everything else is not retried.
    /// </summary>
    Task<IReadOnlyList<float[]>?> EmbedAsync(IReadOnlyList<string> texts, int attempts, TimeSpan timeout, CancellationToken cancellationToken);
}
