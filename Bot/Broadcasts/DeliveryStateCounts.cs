using Cppcc.Bot.Delivery;
using Cppcc.Dialogs.Broadcasts;

namespace Cppcc.Bot.Broadcasts;

/// <summary>Reads a broadcast's delivery-queue states as the counts its cards show.</summary>
public static class DeliveryStateCounts
{
    /// <summary>Blocked, dead-lettered and withdrawn items count as failed; items on their way as pending.</summary>
    public static BroadcastCounts ToBroadcastCounts(this IReadOnlyDictionary<DeliveryState, int> states)
    {
        int Of(DeliveryState s) => states.TryGetValue(s, out var n) ? n : 0;
        return new BroadcastCounts(Of(DeliveryState.Sent),
            Of(DeliveryState.Failed) + Of(DeliveryState.Blocked) + Of(DeliveryState.DeadLetter) + Of(DeliveryState.Cancelled),
            Of(DeliveryState.Pending) + Of(DeliveryState.Sending));
    }
}
