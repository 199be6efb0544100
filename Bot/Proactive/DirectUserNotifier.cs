using Cppcc.Bot.Conversations;
using Cppcc.Dialogs.Notifications;
using Microsoft.Bot.Schema;

namespace Cppcc.Bot.Proactive;

/// <summary>
/// Sends a notification at once through the user's stored conversation.
/// REVIEW: not durable and not rate-limited; the delivery queue (issue 5) replaces it.
/// </summary>
public sealed class DirectUserNotifier : IUserNotifier
{
    private readonly ConversationReferenceStore _references;
    private readonly ProactiveMessenger _messenger;
    private readonly ILogger<DirectUserNotifier> _logger;

    /// <summary>Creates the notifier.</summary>
    public DirectUserNotifier(ConversationReferenceStore references, ProactiveMessenger messenger, ILogger<DirectUserNotifier> logger)
    {
        _references = references;
        _messenger = messenger;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<bool> NotifyAsync(string userKey, IMessageActivity message, string jobId, CancellationToken cancellationToken)
    {
        var reference = _references.Find(userKey);
        if (reference is null)
        {
            return false;
        }

        try
        {
            await _messenger.SendAsync(reference, message, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ErrorResponseException e)
        {
            _logger.LogWarning("Notification {JobId} to conversation {ConversationId} failed with {Status}",
                jobId, reference.Conversation?.Id, (int?)e.Response?.StatusCode);
            return false;
        }
    }
}
