using Cppcc.Dialogs.Notifications;

namespace Cppcc.Bot.Proactive;

/// <summary>Registers proactive sending.</summary>
public static class ProactiveServiceCollectionExtensions
{
    /// <summary>Adds the messenger and the (immediate) user notifier.</summary>
    public static IServiceCollection AddProactive(this IServiceCollection services)
    {
        services.AddSingleton<ProactiveMessenger>();
        services.AddSingleton<IUserNotifier, DirectUserNotifier>();
        return services;
    }
}
