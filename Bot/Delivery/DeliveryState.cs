namespace Cppcc.Bot.Delivery;

/// <summary>Life of one (job, recipient) item; the Company Communicator statuses plus our own queue states.</summary>
public enum DeliveryState
{
    /// <summary>Waiting for its due time.</summary>
    Pending = 0,

    /// <summary>The request is on the wire: the Connector may or may not have delivered it.</summary>
    Sending = 1,

    Sent = 2,

    /// <summary>Permanent refusal other than 403 (400/404/410/413, bad reference).</summary>
    Failed = 3,

    /// <summary>403: the user blocked or removed the bot. Never retried.</summary>
    Blocked = 4,

    /// <summary>Transient failures until the attempt limit.</summary>
    DeadLetter = 5,

    /// <summary>Withdrawn before it was sent (e.g. the reminder of a session that moved or was cancelled).</summary>
    Cancelled = 6,
}

public static class DeliveryStateExtensions
{
    public static bool IsFinal(this DeliveryState state) => state >= DeliveryState.Sent;
}
