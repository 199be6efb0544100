namespace Cppcc.Bot.Proactive;

/// <summary>Registers proactive sending.</summary>
public static class ProactiveServiceCollectionExtensions
{
    /// <summary>Adds the messenger. Notifications to users go through the delivery queue (AddDelivery).</summary>
    public static IServiceCollection AddProactive(this IServiceCollection services)
    {
        services.AddSingleton<ProactiveMessenger>();
        return services;
    }
}
