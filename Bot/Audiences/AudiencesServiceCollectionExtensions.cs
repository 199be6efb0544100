using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Dialogs.Audiences;

namespace Cppcc.Bot.Audiences;

/// <summary>Registers member groups and audiences.</summary>
public static class AudiencesServiceCollectionExtensions
{
    /// <summary>
    /// Groups of members (界别 / 专委会; each change recorded in the audit trail), the Teams roster sync, audience
    /// resolution for reminders and broadcasts, and the conversation (<c>group.set</c>, <c>分组</c>, <c>同步成员</c>).
    /// </summary>
    public static IServiceCollection AddAudiences(this IServiceCollection services)
    {
        services.AddPostgresSchema(PostgresGroupStore.Schema).AddStore<IGroupStore, GroupStore, PostgresGroupStore>();
        services.AddSingleton<AudienceResolver>();
        services.AddSingleton<GroupService>();
        services.AddSingleton<IGroups, AuditedGroups>();
        services.AddSingleton<IRoster, RosterSync>();
        services.AddAudienceConversations();
        return services;
    }
}
