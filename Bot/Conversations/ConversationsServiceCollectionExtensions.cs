using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Dialogs.Root;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cppcc.Bot.Conversations;

/// <summary>Registers the conversation reference store.</summary>
public static class ConversationsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IConversationReferenceStore"/> (on the configured engine) as the dialogs' reference sink, <see cref="PersonalConversations"/>
    /// and <see cref="StaffRecipients"/>.
    /// Safe to call more than once: delivery calls it too, because it opens personal chats.
    /// </summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IConversationReferenceStore)))
        {
            return services;
        }

        services.AddPostgresSchema(PostgresConversationReferenceStore.Schema);
        services.AddStore<IConversationReferenceStore, ConversationReferenceStore, PostgresConversationReferenceStore>();
        services.TryAddSingleton<IConversationReferenceSink>(sp => sp.GetRequiredService<IConversationReferenceStore>());
        services.TryAddSingleton<PersonalConversations>();
        services.TryAddSingleton<StaffRecipients>();
        return services;
    }
}
