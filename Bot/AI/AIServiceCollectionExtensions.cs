using Cppcc.Bot.Knowledge;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.AI;

/// <summary>Registers the optional Azure OpenAI features.</summary>
public static class AIServiceCollectionExtensions
{
    /// <summary>
    /// Adds generative phrasing of KB answers when <c>AzureOpenAI:Endpoint</c>, <c>ApiKey</c> and <c>ChatDeployment</c> are
    /// set, and hybrid retrieval when <c>EmbeddingDeployment</c> is.
    /// </summary>
    public static IServiceCollection AddAzureOpenAI(this IServiceCollection services)
    {
        services.AddOptions<AzureOpenAIOptions>().BindConfiguration(AzureOpenAIOptions.Section)
            .Validate(o => o.Endpoint.Length == 0 || Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _), "AzureOpenAI:Endpoint must be an absolute URL.")
            .Validate(o => o.TimeoutSeconds is > 0 and <= 60, "AzureOpenAI:TimeoutSeconds must be in (0, 60].")
            .Validate(o => o.EmbeddingTimeoutSeconds is > 0 and <= 60, "AzureOpenAI:EmbeddingTimeoutSeconds must be in (0, 60].")
            .ValidateOnStart();
        services.AddSingleton<IEnumerable<IKnowledgePhraser>>(sp =>
            sp.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value.ChatConfigured
                ? [ActivatorUtilities.CreateInstance<AzureOpenAIKnowledgePhraser>(sp)]
                : []);
        services.AddSingleton<IEnumerable<IKnowledgeEmbedder>>(sp =>
            sp.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value.EmbeddingConfigured
                ? [ActivatorUtilities.CreateInstance<AzureOpenAIEmbedder>(sp)]
                : []);
        services.AddSingleton(sp => new KnowledgeEmbeddings(sp.GetRequiredService<IEnumerable<IKnowledgeEmbedder>>(),
            sp.GetRequiredService<IEmbeddingCacheStore>(),
            TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value.EmbeddingTimeoutSeconds)));
        return services;
    }
}
