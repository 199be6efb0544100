namespace Cppcc.Bot.Delivery;

/// <summary>
/// The bot-wide send rate (<see cref="DeliveryOptions.MessagesPerSecond"/>): <see cref="GlobalSendRate"/> inside one
/// process, <see cref="PostgresSendRate"/> across every instance sharing one PostgreSQL database.
/// </summary>
public interface ISendRate
{
    /// <summary>Waits for one send permit.</summary>
    ValueTask AcquireAsync(CancellationToken cancellationToken);

    /// <summary>Stops every sender for <paramref name="delay"/> (extends, never shortens, a pause in force).</summary>
    void PauseFor(TimeSpan delay);
}
