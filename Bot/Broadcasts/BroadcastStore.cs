using LiteDB;

namespace Cppcc.Bot.Broadcasts;

/// <summary>Owns the "broadcasts" collection.</summary>
public sealed class BroadcastStore
{
    // LiteDB publishes a type's mapper before filling it in: two threads mapping it first at once can see it empty
    // ("Member … not found on BsonMapper"). A static constructor maps it once, others wait.
    static BroadcastStore() => BsonMapper.Global.ToDocument(new Broadcast());

    private readonly ILiteCollection<Broadcast> _broadcasts;
    private readonly Lock _numbering = new();

    public BroadcastStore(ILiteDatabase database)
    {
        _broadcasts = database.GetCollection<Broadcast>("broadcasts");
        _broadcasts.EnsureIndex(b => b.Year);
        _broadcasts.EnsureIndex(b => b.Finished);
    }

    /// <summary>Numbers and inserts <paramref name="broadcast"/> (TZ-YYYY-NNNN, counting per year).</summary>
    public Broadcast Add(Broadcast broadcast)
    {
        lock (_numbering)
        {
            var number = _broadcasts.Count(b => b.Year == broadcast.Year) + 1;
            broadcast.Id = $"TZ-{broadcast.Year}-{number:D4}";
            _broadcasts.Insert(broadcast);
            return broadcast;
        }
    }

    public Broadcast? Find(string id) => _broadcasts.FindById(id);

    public List<Broadcast> Unfinished() => _broadcasts.Find(b => b.Finished == false).ToList();

    public void Save(Broadcast broadcast) => _broadcasts.Update(broadcast);
}
