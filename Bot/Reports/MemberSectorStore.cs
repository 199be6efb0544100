using Cppcc.Bot.Storage;
using LiteDB;

namespace Cppcc.Bot.Reports;

/// <summary><see cref="IMemberSectorStore"/> on LiteDB. Owns the <c>member_sectors</c> collection.</summary>
public sealed class MemberSectorStore : IMemberSectorStore
{
    private readonly ILiteCollection<MemberSector> _sectors;
    private readonly TimeProvider _time;

    /// <summary>Creates the store.</summary>
    public MemberSectorStore(ILiteDatabase database, TimeProvider time)
    {
        _sectors = LiteDbCollections.Open<MemberSector>(database, "member_sectors");
        _time = time;
    }

    /// <inheritdoc />
    public void Set(string userKey, string sector, string setBy)
        => _sectors.Upsert(new MemberSector { Id = userKey, Sector = sector, SetBy = setBy, UpdatedAt = _time.GetUtcNow().UtcDateTime });

    /// <inheritdoc />
    public string? Find(string userKey) => _sectors.FindById(userKey)?.Sector;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> All() => _sectors.FindAll().ToDictionary(s => s.Id, s => s.Sector, StringComparer.Ordinal);

    private sealed class MemberSector
    {
        [BsonId]
        public string Id { get; set; } = "";

        public string Sector { get; set; } = "";

        public string SetBy { get; set; } = "";

        public DateTime UpdatedAt { get; set; }
    }
}
