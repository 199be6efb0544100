using Cppcc.Dialogs.Knowledge;

namespace Cppcc.Bot.Knowledge;

/// <summary>Registers the knowledge base.</summary>
public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>Adds the knowledge-base answerer over <c>KnowledgeBase:Path</c>.</summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "KnowledgeBase:Path must name a folder.")
            .ValidateOnStart();
        services.AddSingleton<IKnowledgeAnswerer, StarterKnowledgeBase>();
        return services;
    }
}
