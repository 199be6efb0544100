namespace Cppcc.Bot.Delivery;

/// <summary>
/// A channel that is not the Bot Connector (e.g. WeChat's API) reports how a send ended in the delivery engine's own
/// terms, so retries, throttling pauses and dead-lettering work the same for it.
/// </summary>
public sealed class DeliveryFailureException(OutcomeKind kind, string error, int? status = null, TimeSpan? retryAfter = null)
    : Exception(error)
{
    public OutcomeKind Kind { get; } = kind;

    public string Error { get; } = error;

    public int? Status { get; } = status;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
