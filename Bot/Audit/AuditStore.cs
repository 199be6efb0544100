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
/// </summary>
public sealed class AuditStore : IAuditStore
{
    private readonly ILiteCollection<StoredAuditRecord> _records;
    private readonly TimeProvider _time;
    private readonly Lock _appending = new();

    /// <summary>Opens the collection.</summary>
    public AuditStore(ILiteDatabase database, TimeProvider time)
    {
        _records = LiteDbCollections.Open<StoredAuditRecord>(database, "audit_trail");
        _time = time;
    }

    /// <inheritdoc />
    public void Record(string actorKey, string actorName, string action, string target, string? before, string? after)
    {
        lock (_appending)
        {
            var last = _records.Query().OrderByDescending(r => r.Id).FirstOrDefault();
            var record = new StoredAuditRecord
            {
                Id = (last?.Id ?? 0) + 1,
                AtUnixMs = _time.GetUtcNow().ToUnixTimeMilliseconds(),
                ActorKey = actorKey, ActorName = actorName, Action = action, Target = target, Before = before, After = after,
                PreviousHash = last?.Hash ?? "",
            };
            record.Hash = HashOf(record, record.PreviousHash);
            _records.Insert(record);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<AuditEntry> Latest(int count)
        => _records.Query().OrderByDescending(r => r.Id).Limit(count).ToList().Select(r => r.ToEntry()).ToList();

    /// <inheritdoc />
    public AuditVerification Verify() => Verify(_records.Query().OrderBy(r => r.Id).ToEnumerable());

    /// <summary>Walks the chain of <paramref name="records"/>, in id order; the same check on every engine.</summary>
    internal static AuditVerification Verify(IEnumerable<StoredAuditRecord> records)
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

        return new AuditVerification(checkedCount, null);
    }

    /// <summary>
    /// SHA-256 (hex) of the previous hash and the record's fields, each length-prefixed so no two records read alike.
    /// LiteDB reads empty strings back as null, so empty and null are one value here.
    /// </summary>
    internal static string HashOf(StoredAuditRecord r, string previousHash)
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
