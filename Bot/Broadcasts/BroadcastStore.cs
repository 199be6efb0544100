using Cppcc.Bot.Storage;
using LiteDB;

namespace Cppcc.Bot.Broadcasts;

/// <summary>Broadcasts on the LiteDB file: owns the "broadcasts" collection.</summary>
public sealed class BroadcastStore : IBroadcastStore
{
    private readonly ILiteCollection<Broadcast> _broadcasts;
    private readonly Lock _numbering = new();

    /// <summary>Opens the collection and its indexes.</summary>
    public BroadcastStore(ILiteDatabase database)
    {
        _broadcasts = LiteDbCollections.Open<Broadcast>(database, "broadcasts");
        _broadcasts.EnsureIndex(b => b.Year);
        _broadcasts.EnsureIndex(b => b.Finished);
        _broadcasts.EnsureIndex(b => b.CreatedBy);
    }

    /// <inheritdoc />
    public Broadcast Add(Broadcast broadcast)
    {
        lock (_numbering)
        {
            return Insert(broadcast);
        }
    }

    /// <inheritdoc />
    public BroadcastClaim AddUnlessRepeated(Broadcast broadcast, DateTimeOffset since)
    {
        // One process owns the file, so the numbering lock is enough to make the look and the insert one step.
        lock (_numbering)
        {
            var earlier = _broadcasts.Find(b => b.CreatedBy == broadcast.CreatedBy)
                .Where(b => b.CreatedAt >= since && broadcast.Repeats(b))
                .MaxBy(b => b.CreatedAt);
            return earlier is null ? new BroadcastClaim(Insert(broadcast), true) : new BroadcastClaim(earlier, false);
        }
    }

    private Broadcast Insert(Broadcast broadcast)
    {
        var number = _broadcasts.Count(b => b.Year == broadcast.Year) + 1;
        broadcast.Id = $"TZ-{broadcast.Year}-{number:D4}";
        _broadcasts.Insert(broadcast);
        return broadcast;
    }

    /// <inheritdoc />
    public Broadcast? Find(string id) => _broadcasts.FindById(id);

    /// <inheritdoc />
    public List<Broadcast> Unfinished() => _broadcasts.Find(b => b.Finished == false).ToList();

    /// <inheritdoc />
    public void Save(Broadcast broadcast) => _broadcasts.Update(broadcast);

    /// <inheritdoc />
    public bool TryFinish(Broadcast broadcast)
    {
        lock (_numbering)
        {
            if (_broadcasts.FindById(broadcast.Id) is not { Finished: false })
            {
                return false;
            }

            broadcast.Finished = true;
            return _broadcasts.Update(broadcast);
        }
    }
}
