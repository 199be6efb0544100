using Cppcc.Bot.Exports;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Dialogs.Broadcasts;

namespace Cppcc.Bot.Broadcasts;

/// <summary>Registers staff broadcasts.</summary>
public static class BroadcastsServiceCollectionExtensions
{
    /// <summary>
    /// Staff broadcasts: the store, the service (each start recorded in the audit trail), progress cards, CSV results,
    /// and the conversation (<c>broadcast.send</c>, the <c>通知</c> dialog, <c>通知结果</c>).
    /// </summary>
    public static IServiceCollection AddBroadcasts(this IServiceCollection services)
    {
        services.AddOptions<BroadcastsOptions>().BindConfiguration(BroadcastsOptions.Section)
            .Validate(o => o.ProgressInterval >= TimeSpan.FromMilliseconds(100), "Broadcasts:ProgressInterval is too short.")
            .Validate(o => o.RepeatWindow > TimeSpan.Zero, "Broadcasts:RepeatWindow must be positive.")
            .ValidateOnStart();
        services.AddStore<IBroadcastStore, BroadcastStore, PostgresBroadcastStore>();
        services.AddPostgresSchema("broadcasts-001", PostgresBroadcastStore.Schema);
        services.AddSingleton<BroadcastService>();
        services.AddSingleton<IBroadcasts, AuditedBroadcasts>();
        services.AddSingleton<IExportSource, BroadcastResultsExport>();
        services.AddHostedService<BroadcastProgressWorker>();
        services.AddBroadcastConversations();
        return services;
    }
}
