using Cppcc.Bot.Conversations;
using Cppcc.Dialogs.Notifications;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>The durable delivery engine and the queued <see cref="IUserNotifier"/>; sends through the ProactiveMessenger.</summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DeliveryOptions>>().Value);
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<GlobalSendRate>();
        services.AddSingleton<ConversationPacer>();
        services.AddSingleton<DeliveryMetrics>();
        services.AddSingleton<DeliveryQueue>();
        // Recipients known only from a group chat or channel get a personal chat opened by the channel.
        services.AddConversations();
        services.TryAddSingleton<IDeliveryChannel, MessengerDeliveryChannel>();
        services.AddSingleton<IUserNotifier, QueuedUserNotifier>();
        services.AddHostedService<DeliveryWorker>();
        return services;
    }
}
