using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Notifications;

/// <summary>Sends a message to a user outside the current turn, through their stored conversation reference.</summary>
public interface IUserNotifier
{
    /// <summary>
    /// Hands <paramref name="message"/> for <paramref name="userKey"/> to delivery. <paramref name="jobId"/> makes it
    /// idempotent: the same (job, user) is delivered at most once. Returns false when the user has no stored
    /// conversation (they will see the news when they next ask).
    /// </summary>
    Task<bool> NotifyAsync(string userKey, IMessageActivity message, string jobId, CancellationToken cancellationToken);
}
