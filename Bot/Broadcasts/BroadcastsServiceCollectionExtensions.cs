using Cppcc.Bot.Exports;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Dialogs.Broadcasts;

namespace Cppcc.Bot.Broadcasts;

public static class BroadcastsServiceCollectionExtensions
{
    /// <summary>Staff broadcasts: the <c>broadcast.send</c> action, the <c>通知</c> dialog, progress cards and CSV results.</summary>
    public static IServiceCollection AddBroadcasts(this IServiceCollection services)
    {
        services.AddOptions<BroadcastsOptions>().BindConfiguration(BroadcastsOptions.Section)
            .Validate(o => o.ProgressInterval >= TimeSpan.FromMilliseconds(100), "Broadcasts:ProgressInterval is too short.")
            .ValidateOnStart();
        services.AddStore<IBroadcastStore, BroadcastStore, PostgresBroadcastStore>();
        services.AddPostgresSchema("broadcasts-001", PostgresBroadcastStore.Schema);
        services.AddSingleton<BroadcastService>();
        services.AddSingleton<IBroadcasts>(sp => sp.GetRequiredService<BroadcastService>());
        services.AddSingleton<IExportSource, BroadcastResultsExport>();
        services.AddBroadcastConversations();
        services.AddHostedService<BroadcastProgressWorker>();
        return services;
    }
}
