using Cppcc.Bot.Storage;
using LiteDB;

namespace Cppcc.Bot.Reports;

/// <summary>Each member's sector (界别) for the per-sector numbers. Owns the <c>member_sectors</c> collection.</summary>
public sealed class MemberSectorStore
{
    private readonly ILiteCollection<MemberSector> _sectors;
    private readonly TimeProvider _time;

    /// <summary>Creates the store.</summary>
    public MemberSectorStore(ILiteDatabase database, TimeProvider time)
    {
        _sectors = LiteDbCollections.Open<MemberSector>(database, "member_sectors");
        _time = time;
    }

    /// <summary>Sets (or replaces) a member's sector.</summary>
    public void Set(string userKey, string sector, string setBy)
        => _sectors.Upsert(new MemberSector { Id = userKey, Sector = sector, SetBy = setBy, UpdatedAt = _time.GetUtcNow().UtcDateTime });

    /// <summary>The member's sector, or null.</summary>
    public string? Find(string userKey) => _sectors.FindById(userKey)?.Sector;

    /// <summary>Every member's sector by user key.</summary>
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
