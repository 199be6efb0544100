using Cppcc.Dialogs.Broadcasts;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Root;

namespace Cppcc.Bot.Broadcasts;

public static class BroadcastsServiceCollectionExtensions
{
    /// <summary>Staff broadcasts: the <c>broadcast.send</c> action, the <c>通知</c> dialog, progress cards and CSV results.</summary>
    public static IServiceCollection AddBroadcasts(this IServiceCollection services)
    {
        services.AddOptions<BroadcastsOptions>().BindConfiguration(BroadcastsOptions.Section)
            .Validate(o => o.ProgressInterval >= TimeSpan.FromMilliseconds(100), "Broadcasts:ProgressInterval is too short.")
            .ValidateOnStart();
        services.AddSingleton<BroadcastStore>();
        services.AddSingleton<IBroadcasts, BroadcastService>();
        services.AddSingleton<BroadcastStarter>();
        services.AddSingleton<ICardAction, BroadcastSendAction>();
        services.AddSingleton<Dialog, BroadcastDialog>();
        services.AddSingleton(BroadcastPrompts.LinkPrompt());
        services.AddSingleton<ITextCommand>(new StartDialogCommand(BroadcastDialog.DialogId, ["通知", "broadcast"], Role.Staff,
            new MenuItem(new Localized("发送通知", "Send a notice"), 60)));
        services.AddSingleton<ITextCommand, BroadcastReportCommand>();
        services.AddHostedService<BroadcastProgressWorker>();
        return services;
    }
}
