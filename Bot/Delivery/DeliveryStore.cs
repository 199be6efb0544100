using Cppcc.Bot.Storage;
using LiteDB;

namespace Cppcc.Bot.Delivery;

/// <summary>The durable queue on the LiteDB file: owns the "deliveries" collection. One process owns the file, so no claims.</summary>
public sealed class DeliveryStore : IDeliveryStore
{
    private const string Collection = "deliveries";
    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<DeliveryItem> _items;

    public DeliveryStore(ILiteDatabase database)
    {
        _database = database;
        _items = LiteDbCollections.Open<DeliveryItem>(database, Collection);
        _items.EnsureIndex(x => x.DueAt);
        _items.EnsureIndex(x => x.State);
        _items.EnsureIndex(x => x.JobId);
    }

    /// <inheritdoc />
    public TimeSpan? LeaseDuration => null;

    /// <inheritdoc />
    public int AddNew(IEnumerable<DeliveryItem> items)
    {
        var added = 0;
        foreach (var chunk in items.Chunk(500))
        {
            var fresh = chunk.Where(i => _items.FindById(i.Id) is null).DistinctBy(i => i.Id).ToList();
            try
            {
                added += _items.InsertBulk(fresh);
            }
            catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
            {
                // A concurrent enqueue of the same job won the race; fall back to one by one.
                added += fresh.Count(TryInsert);
            }
        }
        return added;
    }

    public DeliveryItem? Find(string id) => _items.FindById(id);

    /// <summary>Pending items due at <paramref name="now"/>, oldest due first.</summary>
    public List<DeliveryItem> Due(DateTimeOffset now, int limit) =>
        _items.Query().Where(x => x.DueAt <= now).OrderBy(x => x.DueAt).Limit(limit).ToList();

    /// <inheritdoc />
    public List<DeliveryItem> Claim(DateTimeOffset now, int limit) => Due(now, limit);

    /// <inheritdoc />
    public DeliveryItem? Take(string id, DateTimeOffset now) =>
        _items.FindById(id) is { State: DeliveryState.Pending } item && item.DueAt <= now ? item : null;

    /// <inheritdoc />
    public void RenewLeases(IReadOnlyCollection<string> ids, DateTimeOffset now)
    {
    }

    /// <summary>The earliest due time of any pending item.</summary>
    public DateTimeOffset? NextDue()
    {
        var next = _items.Query().OrderBy(x => x.DueAt).Limit(1).ToList().FirstOrDefault();
        return next is { State: DeliveryState.Pending } ? next.DueAt : null;
    }

    public void Save(DeliveryItem item) => _items.Update(item);

    /// <summary>
    /// Start-up: items still "Sending" were on the wire when the process died. We cannot ask Teams whether they arrived,
    /// so they are sent again (at-least-once); each is counted in <see cref="DeliveryItem.Interruptions"/>. Only ever
    /// called at start-up: later, "Sending" items are this process's own sends on the wire.
    /// </summary>
    public int RequeueInterrupted(DateTimeOffset now)
    {
        var stuck = _items.Find(x => x.State == DeliveryState.Sending).ToList();
        foreach (var item in stuck)
        {
            item.State = DeliveryState.Pending;
            item.DueAt = now;
            item.Interruptions++;
            item.UpdatedAt = now;
            _items.Update(item);
        }
        return stuck.Count;
    }

    public IReadOnlyDictionary<DeliveryState, int> CountByState(string jobId)
    {
        var counts = new Dictionary<DeliveryState, int>();
        using var reader = _database.Execute(
            $"SELECT {{ state: @key, count: COUNT(*) }} FROM {Collection} WHERE JobId = @0 GROUP BY State", new BsonDocument { ["0"] = jobId });
        while (reader.Read())
        {
            counts[Enum.Parse<DeliveryState>(reader.Current["state"].AsString)] = reader.Current["count"].AsInt32;
        }

        return counts;
    }

    public List<DeliveryItem> ListJob(string jobId) =>
        _items.Query().Where(x => x.JobId == jobId).OrderBy(x => x.RecipientKey).ToList();

    /// <summary>Items of any job whose id starts with <paramref name="jobPrefix"/> that reached, or may have reached, their recipient.</summary>
    public List<DeliveryItem> DeliveredInJobs(string jobPrefix) =>
        _items.Find(x => x.JobId.StartsWith(jobPrefix)).Where(x => x.State is DeliveryState.Sent or DeliveryState.Sending).ToList();

    /// <summary>Withdraws the pending items of every job whose id starts with <paramref name="jobPrefix"/>; returns how many.</summary>
    public int CancelPending(string jobPrefix, DateTimeOffset now)
    {
        var pending = _items.Find(x => x.JobId.StartsWith(jobPrefix)).Where(x => x.State == DeliveryState.Pending).ToList();
        foreach (var item in pending)
        {
            item.State = DeliveryState.Cancelled;
            item.DueAt = DateTimeOffset.MaxValue;
            item.UpdatedAt = now;
            _items.Update(item);
        }
        return pending.Count;
    }

    /// <summary>True when the stored item was withdrawn (checked by the sender right before it goes on the wire).</summary>
    public bool IsCancelled(string id) => _items.FindById(id) is { State: DeliveryState.Cancelled };

    private bool TryInsert(DeliveryItem item)
    {
        try
        {
            _items.Insert(item);
            return true;
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }
}
