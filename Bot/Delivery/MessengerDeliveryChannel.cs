using Cppcc.Bot.Conversations;
using Cppcc.Bot.Proactive;
using Microsoft.Bot.Schema;

namespace Cppcc.Bot.Delivery;

/// <summary>
/// Sends through the foundation's <see cref="ProactiveMessenger"/> (CloudAdapter + the real ConnectorClient). A recipient
/// queued with a personal chat still to be opened gets it opened first, so the open counts against the same attempt,
/// retries and per-recipient status as the message itself.
/// </summary>
public sealed class MessengerDeliveryChannel(ProactiveMessenger messenger, PersonalConversations personal) : IDeliveryChannel
{
    public async Task<string?> SendAsync(ConversationReference reference, IActivity activity, CancellationToken cancellationToken)
    {
        if (PersonalConversations.IsToOpen(reference))
        {
            reference = await personal.OpenAsync(reference, cancellationToken);
        }

        return await messenger.SendAsync(reference, activity, cancellationToken);
    }
}
