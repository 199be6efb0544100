using Cppcc.Bot.Conversations;
using Cppcc.Dialogs.Notifications;
using Microsoft.Bot.Schema;

namespace Cppcc.Bot.Delivery;

/// <summary>Notifications to one user go through the durable, rate-limited delivery queue.</summary>
public sealed class QueuedUserNotifier(ConversationReferenceStore references, DeliveryQueue queue) : IUserNotifier
{
    public Task<bool> NotifyAsync(string userKey, IMessageActivity message, string jobId, CancellationToken cancellationToken)
    {
        if (references.Find(userKey) is not { } reference)
            return Task.FromResult(false);
        queue.Enqueue(jobId, [new DeliveryRequest(userKey, reference, message)]);
        return Task.FromResult(true);
    }
}
