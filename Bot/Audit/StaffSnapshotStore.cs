using Cppcc.Bot.Storage;
using LiteDB;

namespace Cppcc.Bot.Audit;

/// <summary><see cref="IStaffSnapshotStore"/> on LiteDB: one document in <c>audit_staff</c>.</summary>
public sealed class StaffSnapshotStore(ILiteDatabase database) : IStaffSnapshotStore
{
    private const int SnapshotId = 1;

    private readonly ILiteCollection<StaffSnapshot> _snapshots = LiteDbCollections.Open<StaffSnapshot>(database, "audit_staff");
    private readonly Lock _replacing = new();

    /// <inheritdoc />
    public IReadOnlySet<string>? Load()
        => _snapshots.FindById(SnapshotId) is { } s ? new HashSet<string>(s.StaffIds, StringComparer.OrdinalIgnoreCase) : null;

    /// <inheritdoc />
    public bool TryReplace(IReadOnlySet<string>? expected, IReadOnlySet<string> ids)
    {
        // A LiteDB file belongs to one process, so a lock around the compare and the write is enough.
        lock (_replacing)
        {
            var saved = Load();
            if (saved is null ? expected is not null : expected is null || !saved.SetEquals(expected))
            {
                return false;
            }

            _snapshots.Upsert(new StaffSnapshot { Id = SnapshotId, StaffIds = StaffSnapshotIds.Sorted(ids) });
            return true;
        }
    }

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

/// <summary>The stored form of a set of staff ids, the same on both engines.</summary>
internal static class StaffSnapshotIds
{
    /// <summary>Ordinal order, so equal sets are stored as equal lists.</summary>
    public static List<string> Sorted(IEnumerable<string> ids) => ids.Order(StringComparer.Ordinal).ToList();
}
