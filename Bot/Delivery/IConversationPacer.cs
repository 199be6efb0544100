namespace Cppcc.Bot.Delivery;

/// <summary>
/// Teams' per-conversation limits (<see cref="DeliveryOptions.PerConversationPerSecond"/>,
/// <see cref="DeliveryOptions.PerConversationPer30Seconds"/>): <see cref="ConversationPacer"/> inside one process,
/// <see cref="PostgresConversationPacer"/> across every instance sharing one PostgreSQL database.
/// </summary>
public interface IConversationPacer
{
    /// <summary>How long to wait before the next message to this conversation is allowed (zero: send now).</summary>
    TimeSpan DelayBeforeNext(string conversationId);

    /// <summary>Stamps a send to this conversation (when its answer is back: never earlier than the Connector saw it).</summary>
    void Record(string conversationId);
}
