namespace Cppcc.Bot.Delivery;

/// <summary>
/// The durable queue of delivery items: <see cref="DeliveryStore"/> on the LiteDB file (one process owns the queue),
/// <see cref="PostgresDeliveryStore"/> when several instances share one PostgreSQL database and take items by claims
/// with a lease.
/// </summary>
public interface IDeliveryStore
{
    /// <summary>
    /// How long a claim holds when its instance stops renewing it (it died); null for a store only one process uses,
    /// which needs no claims.
    /// </summary>
    TimeSpan? LeaseDuration { get; }

    /// <summary>Inserts the items whose (job, recipient) is new; returns how many were new.</summary>
    int AddNew(IEnumerable<DeliveryItem> items);

    DeliveryItem? Find(string id);

    /// <summary>Pending items due at <paramref name="now"/>, oldest due first.</summary>
    List<DeliveryItem> Due(DateTimeOffset now, int limit);

    /// <summary>
    /// Items this process may start on: the due ones, oldest first. A shared store first gives back the items whose
    /// instance died mid-send (lease run out: see <see cref="RequeueInterrupted"/>), then claims the due items no live
    /// instance holds.
    /// </summary>
    List<DeliveryItem> Claim(DateTimeOffset now, int limit);

    /// <summary>
    /// Re-reads an item right before work starts on it: null unless it is pending, due and (shared store) claimed for
    /// this process, which this call makes sure of atomically.
    /// </summary>
    DeliveryItem? Take(string id, DateTimeOffset now);

    /// <summary>Extends this process's claims on the items it is working on (no-op without leases).</summary>
    void RenewLeases(IReadOnlyCollection<string> ids, DateTimeOffset now);

    /// <summary>The earliest due time of any pending item.</summary>
    DateTimeOffset? NextDue();

    void Save(DeliveryItem item);

    /// <summary>
    /// Items still "Sending" whose sender is gone were on the wire when it died. We cannot ask Teams whether they
    /// arrived, so they are sent again (at-least-once); each is counted in <see cref="DeliveryItem.Interruptions"/>.
    /// Without leases that is every such item at start-up; with leases, those whose lease ran out.
    /// </summary>
    int RequeueInterrupted(DateTimeOffset now);

    IReadOnlyDictionary<DeliveryState, int> CountByState(string jobId);

    List<DeliveryItem> ListJob(string jobId);

    /// <summary>Items of any job whose id starts with <paramref name="jobPrefix"/> that reached, or may have reached, their recipient.</summary>
    List<DeliveryItem> DeliveredInJobs(string jobPrefix);

    /// <summary>Withdraws the pending items of every job whose id starts with <paramref name="jobPrefix"/>; returns how many.</summary>
    int CancelPending(string jobPrefix, DateTimeOffset now);

    /// <summary>True when the stored item was withdrawn (checked by the sender right before it goes on the wire).</summary>
    bool IsCancelled(string id);
}
