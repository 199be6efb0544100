using Cppcc.Dialogs.Root;

namespace Cppcc.Bot.Conversations;

/// <summary>Registers the conversation reference store.</summary>
public static class ConversationsServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ConversationReferenceStore"/> as the dialogs' reference sink, and <see cref="PersonalConversations"/>.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddSingleton<ConversationReferenceStore>();
        services.AddSingleton<IConversationReferenceSink>(sp => sp.GetRequiredService<ConversationReferenceStore>());
        services.AddSingleton<PersonalConversations>();
        return services;
    }
}
