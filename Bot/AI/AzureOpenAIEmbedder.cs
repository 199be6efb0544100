using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Cppcc.Bot.Knowledge;
using Microsoft.Extensions.Options;
using OpenAI.Embeddings;

namespace Cppcc.Bot.AI;

/// <summary>
/// Embeds texts with an Azure OpenAI embedding deployment (<c>POST /openai/deployments/{d}/embeddings</c>). Failures
/// return null and log one line; the SDK's own retries are off so that every wait is ours and bounded.
/// </summary>
public sealed class AzureOpenAIEmbedder : IKnowledgeEmbedder
{
    private readonly EmbeddingClient _client;
    private readonly TimeProvider _time;
    private readonly ILogger<AzureOpenAIEmbedder> _logger;

    /// <summary>Creates the embedder over the configured deployment.</summary>
    public AzureOpenAIEmbedder(IOptions<AzureOpenAIOptions> options, TimeProvider time, ILogger<AzureOpenAIEmbedder> logger)
    {
        var o = options.Value;
        Deployment = o.EmbeddingDeployment;
        _time = time;
        _logger = logger;
        var clientOptions = new AzureOpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(maxRetries: 0) };
        _client = new AzureOpenAIClient(new Uri(o.Endpoint), new ApiKeyCredential(o.ApiKey), clientOptions).GetEmbeddingClient(o.EmbeddingDeployment);
    }

    /// <summary>First wait after a 429; doubled on each further attempt. Retry-After is not honoured beyond it, as loading waits.</summary>
    public static readonly TimeSpan Backoff = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public string Deployment { get; }

    /// <inheritdoc />
    public async Task<IReadOnlyList<float[]>?> EmbedAsync(IReadOnlyList<string> texts, int attempts, TimeSpan timeout, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bounded.CancelAfter(timeout);
            try
            {
                var result = await _client.GenerateEmbeddingsAsync(texts, cancellationToken: bounded.Token);
                var vectors = result.Value.OrderBy(e => e.Index).Select(e => e.ToFloats().ToArray()).ToList();
                if (vectors.Count == texts.Count)
                {
                    return vectors;
                }

                _logger.LogWarning("Embeddings unavailable (got {Got} vectors for {Asked} texts); answering by words alone", vectors.Count, texts.Count);
                return null;
            }
            catch (ClientResultException e) when (e.Status == 429 && attempt < attempts)
            {
                await Task.Delay(Backoff * Math.Pow(2, attempt - 1), _time, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning("Embeddings unavailable ({Error}, status {Status}); answering by words alone", e.GetType().Name, (e as ClientResultException)?.Status);
                return null;
            }
        }
    }
}
