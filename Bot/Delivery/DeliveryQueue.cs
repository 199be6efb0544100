using Newtonsoft.Json;

namespace Cppcc.Bot.Delivery;

/// <summary>What features call to send proactive messages through the engine.</summary>
public sealed class DeliveryQueue(IDeliveryStore store, DeliverySignal signal, TimeProvider time)
{
    private static readonly JsonSerializerSettings Json = new() { NullValueHandling = NullValueHandling.Ignore };

    /// <summary>
    /// Queues one item per recipient; a (job, recipient) already queued is left as it is, so a retried enqueue
    /// never sends twice. Returns how many items were new.
    /// </summary>
    public int Enqueue(string jobId, IEnumerable<DeliveryRequest> requests, DateTimeOffset? notBefore = null)
    {
        var now = time.GetUtcNow();
        var items = requests.Select(r => new DeliveryItem
        {
            Id = DeliveryItem.MakeId(jobId, r.RecipientKey),
            JobId = jobId,
            RecipientKey = r.RecipientKey,
            ConversationId = r.Reference.Conversation?.Id ?? "",
            ReferenceJson = JsonConvert.SerializeObject(r.Reference, Json),
            ActivityJson = JsonConvert.SerializeObject(r.Activity, Json),
            State = DeliveryState.Pending,
            DueAt = notBefore ?? now,
            CreatedAt = now,
            UpdatedAt = now,
        });
        var added = store.AddNew(items);
        if (added > 0)
        {
            signal.Set();
        }

        return added;
    }

    public IReadOnlyDictionary<DeliveryState, int> Progress(string jobId) => store.CountByState(jobId);

    public List<DeliveryItem> Results(string jobId) => store.ListJob(jobId);

    /// <summary>Withdraws what is still queued for jobs starting with <paramref name="jobPrefix"/> (sends on the wire finish).</summary>
    public int Withdraw(string jobPrefix) => store.CancelPending(jobPrefix, time.GetUtcNow());

    /// <summary>Keys of the recipients who got (or may have got: on the wire) a message of any job starting with <paramref name="jobPrefix"/>.</summary>
    public IReadOnlyList<string> DeliveredTo(string jobPrefix) =>
        store.DeliveredInJobs(jobPrefix).Select(i => i.RecipientKey).Distinct(StringComparer.Ordinal).ToList();
}
