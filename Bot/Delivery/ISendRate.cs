namespace Cppcc.Bot.Delivery;

/// <summary>
/// The bot-wide send rate (<see cref="DeliveryOptions.MessagesPerSecond"/>): <see cref="GlobalSendRate"/> inside one
/// process, <see cref="PostgresSendRate"/> across every instance sharing one PostgreSQL database.
/// </summary>
public interface ISendRate
{
    /// <summary>Waits for one send permit.</summary>
    ValueTask AcquireAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Right before the request goes on the wire: waits while the ceiling is reached counting the requests answered
    /// in the last second and those still on the wire (a sender held up after its permit, or a Connector that stalls,
    /// would otherwise let held-up requests arrive together). Disposing the result, once the answer is back, stamps the
    /// request: never earlier than the Connector saw it, so every one-second window holds as the Connector counts.
    /// Null where the permits alone keep the rate (one process).
    /// </summary>
    ValueTask<IDisposable?> OnWireAsync(CancellationToken cancellationToken);

    /// <summary>Stops every sender for <paramref name="delay"/> (extends, never shortens, a pause in force).</summary>
    void PauseFor(TimeSpan delay);
}
