using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Root;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Dialogs.Broadcasts;

/// <summary>Registers the broadcast conversations; the host provides <see cref="IBroadcasts"/>.</summary>
public static class BroadcastConversationsServiceCollectionExtensions
{
    /// <summary><c>broadcast.send</c>, the <c>通知</c> dialog and <c>通知结果</c>.</summary>
    public static IServiceCollection AddBroadcastConversations(this IServiceCollection services)
    {
        services.AddSingleton<BroadcastStarter>();
        services.AddSingleton<ICardAction, BroadcastSendAction>();
        services.AddSingleton<Dialog, BroadcastDialog>();
        services.AddSingleton(BroadcastPrompts.LinkPrompt());
        services.AddSingleton<ITextCommand>(new StartDialogCommand(BroadcastDialog.DialogId, new[] { "通知", "broadcast" }, Role.Staff,
            new MenuItem(new Localized("发送通知", "Send a notice"), 60)));
        services.AddSingleton<ITextCommand, BroadcastReportCommand>();
        return services;
    }
}
