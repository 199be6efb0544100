namespace Cppcc.Bot.Delivery;

public enum OutcomeKind
{
    Sent,
    /// <summary>429: honour Retry-After and pause every sender.</summary>
    Throttled,
    /// <summary>412/5xx, timeouts, connection failures: retry with back-off.</summary>
    Transient,
    Blocked,
    Failed,
    /// <summary>Withdrawn while queued: not sent.</summary>
    Withdrawn,
}

/// <summary>What one attempt ended with.</summary>
public sealed record DeliveryOutcome(OutcomeKind Kind, int Attempt, int? Status = null, TimeSpan? RetryAfter = null, string? ActivityId = null, string? Error = null)
{
    public bool ShouldRetry => Kind is OutcomeKind.Throttled or OutcomeKind.Transient;
}
