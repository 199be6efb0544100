using Cppcc.Dialogs.Root;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Dialogs.Audiences;

/// <summary>Registers the member-group conversations; the host provides <see cref="IGroups"/> and <see cref="IRoster"/>.</summary>
public static class AudienceConversationsServiceCollectionExtensions
{
    /// <summary><c>group.set</c>, <c>分组</c> and <c>同步成员</c>.</summary>
    public static IServiceCollection AddAudienceConversations(this IServiceCollection services)
    {
        services.AddSingleton<ICardAction, GroupSetAction>();
        services.AddSingleton<ITextCommand, GroupListCommand>();
        services.AddSingleton<ITextCommand, RosterSyncCommand>();
        return services;
    }
}
