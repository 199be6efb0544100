using Cppcc.Bot.Conversations;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
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
            .ValidateDataAnnotations()
            .Validate(o => o.LeaseDuration >= TimeSpan.FromSeconds(3) && o.PollInterval > TimeSpan.Zero && o.PollInterval <= o.LeaseDuration
                && o.SharedRateMargin >= TimeSpan.Zero && o.SharedRateMargin < TimeSpan.FromSeconds(1),
                "Delivery: LeaseDuration must be at least 3 s, PollInterval positive and within it, SharedRateMargin within [0, 1 s).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DeliveryOptions>>().Value);
        services.TryAddSingleton<BackgroundActivity>();
        services.AddStore<IDeliveryStore, DeliveryStore, PostgresDeliveryStore>();
        services.AddPostgresSchema("delivery-001", PostgresDeliveryStore.Schema);
        services.AddSingleton<DeliverySignal>();
        services.AddStore<ISendRate, GlobalSendRate, PostgresSendRate>();
        services.AddPostgresSchema("delivery-002", PostgresSendRate.Schema);
        services.AddStore<IConversationPacer, ConversationPacer, PostgresConversationPacer>();
        services.AddPostgresSchema("delivery-003", PostgresConversationPacer.Schema);
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
