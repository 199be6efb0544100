using Cppcc.Bot.Storage;
using LiteDB;

namespace Cppcc.Bot.Knowledge;

/// <summary><see cref="IKnowledgeEntryStore"/> on LiteDB. Owns the <c>kb_entries</c> collection.</summary>
public sealed class KnowledgeEntryStore : IKnowledgeEntryStore
{
    private readonly ILiteCollection<StoredEntry> _entries;

    /// <summary>Creates the store.</summary>
    public KnowledgeEntryStore(ILiteDatabase database) => _entries = LiteDbCollections.Open<StoredEntry>(database, "kb_entries");

    /// <inheritdoc />
    public IReadOnlyList<KnowledgeEntry> Overlay(IReadOnlyList<KnowledgeEntry> fromFiles)
        => Apply(fromFiles, _entries.FindAll().Select(e => new CuratedEntry(e.ToEntry(), e.Retired)).ToList());

    /// <summary>
    /// The file entries with the curated ones applied: replaced, added (after the files, by id), or removed when
    /// retired. The same rule on every engine.
    /// </summary>
    public static IReadOnlyList<KnowledgeEntry> Apply(IReadOnlyList<KnowledgeEntry> fromFiles, IReadOnlyList<CuratedEntry> curatedEntries)
    {
        var curated = curatedEntries.ToDictionary(e => e.Entry.Id, StringComparer.Ordinal);
        var result = new List<KnowledgeEntry>(fromFiles.Count + curated.Count);
        foreach (var entry in fromFiles)
        {
            if (!curated.TryGetValue(entry.Id, out var stored))
            {
                result.Add(entry);
            }
            else if (!stored.Retired)
            {
                result.Add(stored.Entry);
            }
        }

        var fileIds = fromFiles.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        result.AddRange(curated.Values.Where(s => !s.Retired && !fileIds.Contains(s.Entry.Id)).OrderBy(s => s.Entry.Id, StringComparer.Ordinal).Select(s => s.Entry));
        return result;
    }

    /// <inheritdoc />
    public void Save(KnowledgeEntry entry, string staffKey, DateTimeOffset now) => _entries.Upsert(StoredEntry.From(entry, staffKey, now));

    /// <inheritdoc />
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
            Id = e.Id,
            Questions = e.Questions.ToList(),
            Answer = e.Answer,
            Source = e.Source,
            Url = e.Url,
            Audience = e.Audience.ToString(),
            Tags = e.Tags.ToList(),
            Related = e.Related.ToList(),
            Effective = e.Effective?.ToDateTime(TimeOnly.MinValue),
            Expires = e.Expires?.ToDateTime(TimeOnly.MinValue),
            UpdatedBy = staffKey,
            UpdatedAt = now.UtcDateTime,
        };

        public KnowledgeEntry ToEntry() => new()
        {
            Id = Id,
            Questions = Questions,
            Answer = Answer,
            Source = Source,
            Url = Url,
            Audience = Enum.TryParse<KnowledgeAudience>(Audience, out var a) ? a : KnowledgeAudience.Members,
            Tags = Tags,
            Related = Related,
            Effective = Effective is { } from ? DateOnly.FromDateTime(from) : null,
            Expires = Expires is { } to ? DateOnly.FromDateTime(to) : null,
            File = "(Teams)",
        };
    }
}
