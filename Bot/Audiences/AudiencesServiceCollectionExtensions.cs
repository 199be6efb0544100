namespace Cppcc.Bot.Audiences;

public static class AudiencesServiceCollectionExtensions
{
    /// <summary>Groups of members (界别 / 专委会) and audience resolution for reminders and broadcasts.</summary>
    public static IServiceCollection AddAudiences(this IServiceCollection services)
    {
        services.AddSingleton<GroupStore>();
        services.AddSingleton<AudienceResolver>();
        return services;
    }
}
