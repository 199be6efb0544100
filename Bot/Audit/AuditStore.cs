using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cppcc.Bot.Storage;
using Cppcc.Dialogs.Audit;
using LiteDB;

namespace Cppcc.Bot.Audit;

/// <summary>
/// Owns the "audit_trail" collection: append-only, each record holding SHA-256 of the previous record's hash and its
/// own canonical content, so that a record changed, inserted or removed outside this class breaks the chain there.
/// A chain cut short at its end still links up, so the count and hash of the newest record are also kept apart
/// ("audit_head", written in the same transaction as each record) and in memory; <see cref="Verify"/> compares both.
/// </summary>
public sealed class AuditStore : IAuditStore
{
    private const int HeadId = 1;

    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<StoredAuditRecord> _records;
    private readonly ILiteCollection<AuditHead> _head;
    private readonly TimeProvider _time;
    private readonly Lock _appending = new();

    /// <summary>The newest record this process appended or found at start (a head rewritten on disk cannot lower it).</summary>
    private AuditHead _knownHead;

    /// <summary>Opens the collections.</summary>
    public AuditStore(ILiteDatabase database, TimeProvider time, ILogger<AuditStore> logger)
    {
        _database = database;
        _records = LiteDbCollections.Open<StoredAuditRecord>(database, "audit_trail");
        _head = LiteDbCollections.Open<AuditHead>(database, "audit_head");
        _time = time;
        if (_head.FindById(HeadId) is { } head)
        {
            _knownHead = head;
        }
        else
        {
            // REVIEW: a trail written before the head existed is trusted as it stands once (trust on first use); from
            // then on a missing newest record is seen. Deleting the head and the newest records together, before a
            // restart, is not seen: only a copy outside this database (a backup, an exported file) could show that.
            var last = _records.Query().OrderByDescending(r => r.Id).FirstOrDefault();
            _knownHead = new AuditHead { Id = HeadId, Count = last?.Id ?? 0, Hash = last?.Hash ?? "" };
            _head.Upsert(_knownHead);
            if (last is not null)
            {
                logger.LogInformation("Audit trail head set from the existing {Count} records", last.Id);
            }
        }
    }

    /// <inheritdoc />
    public void Record(string actorKey, string actorName, string action, string target, string? before, string? after)
    {
        lock (_appending)
        {
            // Chained to the head, not to whatever record is last now: a newest record deleted behind the bot's back
            // then leaves a gap the next record cannot close.
            var last = Head();
            var record = new StoredAuditRecord
            {
                Id = last.Count + 1,
                AtUnixMs = _time.GetUtcNow().ToUnixTimeMilliseconds(),
                ActorKey = actorKey,
                ActorName = actorName,
                Action = action,
                Target = target,
                Before = before,
                After = after,
                PreviousHash = last.Hash ?? "",
            };
            record.Hash = HashOf(record, record.PreviousHash);
            var head = new AuditHead { Id = HeadId, Count = record.Id, Hash = record.Hash };
            _database.BeginTrans();
            try
            {
                _records.Insert(record);
                _head.Upsert(head);
                _database.Commit();
            }
            catch
            {
                _database.Rollback();
                throw;
            }

            _knownHead = head;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<AuditEntry> Latest(int count)
        => _records.Query().OrderByDescending(r => r.Id).Limit(count).ToList().Select(r => r.ToEntry()).ToList();

    /// <inheritdoc />
    // REVIEW: filters in memory, newest first, stopping at max: the trail grows by staff actions (thousands a year),
    // which a scan reads in milliseconds; an index on time would be the next step.
    public IReadOnlyList<AuditEntry> Find(AuditFilter filter, int max)
        => _records.Query().OrderByDescending(r => r.Id).ToEnumerable().Select(r => r.ToEntry()).Where(filter.Matches).Take(max).ToList();

    /// <inheritdoc />
    public AuditVerification Verify() => Verify(_records.Query().OrderBy(r => r.Id).ToEnumerable(), Head());

    /// <summary>
    /// Walks the chain of <paramref name="records"/> (in id order), then compares its end with <paramref name="head"/>:
    /// the same check on every engine.
    /// </summary>
    internal static AuditVerification Verify(IEnumerable<StoredAuditRecord> records, AuditHead head)
    {
        var previous = "";
        long expected = 1, checkedCount = 0;
        foreach (var record in records)
        {
            checkedCount++;
            // The stored PreviousHash is not trusted: the link is recomputed from the hash actually stored before it.
            if (record.Id != expected || (record.PreviousHash ?? "") != previous || record.Hash != HashOf(record, previous))
            {
                return new AuditVerification(checkedCount, record.Id);
            }

            previous = record.Hash;
            expected++;
        }

        // The chain holds; now its end, against the head kept apart.
        var lastId = expected - 1;
        if (lastId < head.Count)
        {
            return new AuditVerification(checkedCount, null, lastId + 1);
        }

        if (lastId > head.Count)
        {
            // Records appended behind the bot's back, with a chain that links: the first one past the head is foreign.
            return new AuditVerification(checkedCount, head.Count + 1);
        }

        return lastId > 0 && previous != (head.Hash ?? "") ? new AuditVerification(checkedCount, lastId) : new AuditVerification(checkedCount, null);
    }

    /// <summary>The larger of the head on disk and the one in memory: what must be there.</summary>
    private AuditHead Head()
    {
        var known = _knownHead;
        return _head.FindById(HeadId) is { } stored && stored.Count >= known.Count ? stored : known;
    }

    /// <summary>
    /// SHA-256 (hex) of the previous hash and the record's fields, each length-prefixed so no two records read alike.
    /// LiteDB reads empty strings back as null, so empty and null are one value here.
    /// </summary>
    public static string HashOf(StoredAuditRecord r, string previousHash)
    {
        var canonical = new StringBuilder();
        foreach (var field in new[]
                 {
                     previousHash, r.Id.ToString(CultureInfo.InvariantCulture), r.AtUnixMs.ToString(CultureInfo.InvariantCulture),
                     r.ActorKey ?? "", r.ActorName ?? "", r.Action ?? "", r.Target ?? "", r.Before ?? "", r.After ?? "",
                 })
        {
            canonical.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}

/// <summary>The count and hash of the newest record, kept apart from the records (one document).</summary>
public sealed class AuditHead
{
    /// <summary>Always 1.</summary>
    [BsonId]
    public int Id { get; set; }

    /// <summary>Sequence of the newest record (= how many there are).</summary>
    public long Count { get; set; }

    /// <summary>Its hash.</summary>
    public string Hash { get; set; } = "";
}

/// <summary>One record as stored.</summary>
public sealed class StoredAuditRecord
{
    /// <summary>Sequence, 1 for the first.</summary>
    [BsonId]
    public long Id { get; set; }

    /// <summary>When, as Unix milliseconds (exact round trip, unlike LiteDB's local DateTime).</summary>
    public long AtUnixMs { get; set; }

    /// <summary>Who (user key).</summary>
    public string ActorKey { get; set; } = "";

    /// <summary>Who (display name).</summary>
    public string ActorName { get; set; } = "";

    /// <summary>What.</summary>
    public string Action { get; set; } = "";

    /// <summary>On what.</summary>
    public string Target { get; set; } = "";

    /// <summary>State before.</summary>
    public string? Before { get; set; }

    /// <summary>State after.</summary>
    public string? After { get; set; }

    /// <summary>Hash of the record before (empty for the first).</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>SHA-256 of <see cref="PreviousHash"/> and this record's content.</summary>
    public string Hash { get; set; } = "";

    /// <summary>The view the conversation shows.</summary>
    public AuditEntry ToEntry()
        => new(Id, DateTimeOffset.FromUnixTimeMilliseconds(AtUnixMs), ActorKey ?? "", ActorName ?? "", Action ?? "", Target ?? "",
            string.IsNullOrEmpty(Before) ? null : Before, string.IsNullOrEmpty(After) ? null : After);
}
