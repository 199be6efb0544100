using Cppcc.Bot.Conversations;
using Cppcc.Dialogs.Notifications;
using Microsoft.Bot.Schema;

namespace Cppcc.Bot.Delivery;

/// <summary>Notifications to one user go through the durable, rate-limited delivery queue, to their personal chat only.</summary>
public sealed class QueuedUserNotifier(PersonalConversations personal, DeliveryQueue queue) : IUserNotifier
{
    public Task<bool> NotifyAsync(string userKey, IMessageActivity message, string jobId, CancellationToken cancellationToken)
    {
        if (personal.For(userKey) is not { } reference)
        {
            return Task.FromResult(false);
        }

        queue.Enqueue(jobId, [new DeliveryRequest(userKey, reference, message)]);
        return Task.FromResult(true);
    }
}
