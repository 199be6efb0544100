using Cppcc.Bot.Storage;
using LiteDB;

namespace Cppcc.Bot.Knowledge;

/// <summary>
/// Entries staff added, edited or retired in Teams; they overlay the KB folder's files (same id = replaced).
/// Owns the <c>kb_entries</c> collection.
/// </summary>
public sealed class KnowledgeEntryStore
{
    private readonly ILiteCollection<StoredEntry> _entries;

    /// <summary>Creates the store.</summary>
    public KnowledgeEntryStore(ILiteDatabase database) => _entries = LiteDbCollections.Open<StoredEntry>(database, "kb_entries");

    /// <summary>The file entries with the curated ones applied: replaced, added, or removed when retired.</summary>
    public IReadOnlyList<KnowledgeEntry> Overlay(IReadOnlyList<KnowledgeEntry> fromFiles)
    {
        var curated = _entries.FindAll().ToDictionary(e => e.Id, StringComparer.Ordinal);
        var result = new List<KnowledgeEntry>(fromFiles.Count + curated.Count);
        foreach (var entry in fromFiles)
        {
            if (!curated.TryGetValue(entry.Id, out var stored))
            {
                result.Add(entry);
            }
            else if (!stored.Retired)
            {
                result.Add(stored.ToEntry());
            }
        }

        var fileIds = fromFiles.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        result.AddRange(curated.Values.Where(s => !s.Retired && !fileIds.Contains(s.Id)).OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => s.ToEntry()));
        return result;
    }

    /// <summary>Adds or replaces an entry.</summary>
    public void Save(KnowledgeEntry entry, string staffKey, DateTimeOffset now) => _entries.Upsert(StoredEntry.From(entry, staffKey, now));

    /// <summary>Withdraws an entry (kept, marked retired, so a file entry with the same id stays hidden too).</summary>
    public void Retire(KnowledgeEntry entry, string staffKey, DateTimeOffset now)
    {
        var stored = StoredEntry.From(entry, staffKey, now);
        stored.Retired = true;
        _entries.Upsert(stored);
    }

    private sealed class StoredEntry
    {
        [BsonId]
        public string Id { get; set; } = "";
        public List<string> Questions { get; set; } = new();
        public string Answer { get; set; } = "";
        public string? Source { get; set; }
        public string? Url { get; set; }
        public string Audience { get; set; } = nameof(KnowledgeAudience.Members);
        public List<string> Tags { get; set; } = new();
        public List<string> Related { get; set; } = new();
        public DateTime? Effective { get; set; }
        public DateTime? Expires { get; set; }
        public bool Retired { get; set; }
        public string UpdatedBy { get; set; } = "";
        public DateTime UpdatedAt { get; set; }

        public static StoredEntry From(KnowledgeEntry e, string staffKey, DateTimeOffset now) => new()
        {
            Id = e.Id, Questions = e.Questions.ToList(), Answer = e.Answer, Source = e.Source, Url = e.Url, Audience = e.Audience.ToString(),
            Tags = e.Tags.ToList(), Related = e.Related.ToList(),
            Effective = e.Effective?.ToDateTime(TimeOnly.MinValue), Expires = e.Expires?.ToDateTime(TimeOnly.MinValue),
            UpdatedBy = staffKey, UpdatedAt = now.UtcDateTime,
        };

        public KnowledgeEntry ToEntry() => new()
        {
            Id = Id, Questions = Questions, Answer = Answer, Source = Source, Url = Url,
            Audience = Enum.TryParse<KnowledgeAudience>(Audience, out var a) ? a : KnowledgeAudience.Members,
            Tags = Tags, Related = Related,
            Effective = Effective is { } from ? DateOnly.FromDateTime(from) : null, Expires = Expires is { } to ? DateOnly.FromDateTime(to) : null,
            File = "(Teams)",
        };
    }
}
