using Cppcc.Dialogs.Root;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cppcc.Bot.Conversations;

/// <summary>Registers the conversation reference store.</summary>
public static class ConversationsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ConversationReferenceStore"/> as the dialogs' reference sink, and <see cref="PersonalConversations"/>.
    /// Safe to call more than once: delivery calls it too, because it opens personal chats.
    /// </summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.TryAddSingleton<ConversationReferenceStore>();
        services.TryAddSingleton<IConversationReferenceSink>(sp => sp.GetRequiredService<ConversationReferenceStore>());
        services.TryAddSingleton<PersonalConversations>();
        return services;
    }
}
