using System.Globalization;

namespace Cppcc.Dialogs.Broadcasts;

/// <summary>Counts of a broadcast's deliveries as people read them.</summary>
/// <param name="Sent">Delivered.</param>
/// <param name="Failed">Failed, blocked, dead-lettered or withdrawn.</param>
/// <param name="Pending">Waiting or on their way.</param>
public sealed record BroadcastCounts(int Sent, int Failed, int Pending)
{
    /// <summary>Every recipient with an item.</summary>
    public int Total => Sent + Failed + Pending;

    /// <summary>"sent/failed/pending": what the progress card last showed.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Sent}/{Failed}/{Pending}");
}
