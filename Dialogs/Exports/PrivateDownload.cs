using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Notifications;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Exports;

/// <summary>
/// A reply carrying a staff download link reaches only the person who asked: as a normal reply in their personal
/// chat; asked in a group chat or channel, through their personal chat (opened for them if need be), while the shared
/// conversation only hears where it went. Anyone there could otherwise open the link while it is valid.
/// </summary>
public sealed class PrivateDownload(IUserNotifier notifier)
{
    private static readonly Localized SentPrivately = new("下载链接已通过私聊发送给您。", "The download link was sent to you in a personal chat.");
    private static readonly Localized NoPrivateChat = new("下载链接只在私聊中发送，请在与本助手的私聊中发送此命令。",
        "Download links are only sent in a personal chat: please send this command to the assistant directly.");

    /// <summary>Sends <paramref name="reply"/> (which holds a download link) to the caller only.</summary>
    public async Task SendAsync(RouteContext context, IMessageActivity reply, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        if (ConversationScope.IsPersonal(turn.Activity.Conversation))
        {
            await turn.SendActivityAsync(reply, cancellationToken);
            return;
        }

        // Each request is its own delivery: a second click must bring a fresh link, not be taken for a repeat.
        var jobId = "export:" + Guid.NewGuid().ToString("N");
        var sent = await notifier.NotifyAsync(context.Caller.UserKey, reply, jobId, cancellationToken);
        await turn.SendActivityAsync((sent ? SentPrivately : NoPrivateChat).For(turn), cancellationToken: cancellationToken);
    }
}
