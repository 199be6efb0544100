using Microsoft.Bot.Schema;

namespace Cppcc.Bot.Delivery;

/// <summary>Sends one activity to one stored conversation and returns the Connector's activity id; throws what the Connector threw.</summary>
public interface IDeliveryChannel
{
    Task<string?> SendAsync(ConversationReference reference, IActivity activity, CancellationToken cancellationToken);
}
