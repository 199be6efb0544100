using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Dialogs.Audiences;
using Cppcc.Dialogs.Root;

namespace Cppcc.Bot.Audiences;

public static class AudiencesServiceCollectionExtensions
{
    /// <summary>Groups of members (界别 / 专委会: <c>group.set</c>, <c>分组</c>) and audience resolution for reminders and broadcasts.</summary>
    public static IServiceCollection AddAudiences(this IServiceCollection services)
    {
        services.AddPostgresSchema(PostgresGroupStore.Schema).AddStore<IGroupStore, GroupStore, PostgresGroupStore>();
        services.AddSingleton<AudienceResolver>();
        services.AddSingleton<IGroups, GroupService>();
        services.AddSingleton<ICardAction, GroupSetAction>();
        services.AddSingleton<ITextCommand, GroupListCommand>();
        services.AddSingleton<IRoster, RosterSync>();
        services.AddSingleton<ITextCommand, RosterSyncCommand>();
        return services;
    }
}
