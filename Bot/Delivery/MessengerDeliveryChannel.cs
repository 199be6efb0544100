using Cppcc.Bot.Proactive;
using Microsoft.Bot.Schema;

namespace Cppcc.Bot.Delivery;

/// <summary>Sends through the foundation's <see cref="ProactiveMessenger"/> (CloudAdapter + the real ConnectorClient).</summary>
public sealed class MessengerDeliveryChannel(ProactiveMessenger messenger) : IDeliveryChannel
{
    public Task<string?> SendAsync(ConversationReference reference, IActivity activity, CancellationToken cancellationToken)
        => messenger.SendAsync(reference, activity, cancellationToken);
}
