using Cppcc.Bot.Storage;
using LiteDB;

namespace Cppcc.Bot.Audit;

/// <summary>The staff ids last seen (one document in <c>audit_staff</c>), so a change made while the bot was stopped is recorded too.</summary>
public sealed class StaffSnapshotStore(ILiteDatabase database)
{
    private const int SnapshotId = 1;

    private readonly ILiteCollection<StaffSnapshot> _snapshots = LiteDbCollections.Open<StaffSnapshot>(database, "audit_staff");

    /// <summary>The ids last saved, or null before the first save.</summary>
    public IReadOnlySet<string>? Load()
        => _snapshots.FindById(SnapshotId) is { } s ? new HashSet<string>(s.StaffIds, StringComparer.OrdinalIgnoreCase) : null;

    /// <summary>Replaces the saved ids.</summary>
    public void Save(IEnumerable<string> ids) => _snapshots.Upsert(new StaffSnapshot { Id = SnapshotId, StaffIds = ids.Order(StringComparer.Ordinal).ToList() });

    /// <summary>As stored.</summary>
    public sealed class StaffSnapshot
    {
        /// <summary>Always 1.</summary>
        [BsonId]
        public int Id { get; set; }

        /// <summary>Staff ids (Teams aadObjectIds or channel ids).</summary>
        public List<string> StaffIds { get; set; } = [];
    }
}
