namespace Cppcc.Bot.Knowledge;

/// <summary>Entries staff added, edited or retired in Teams; they overlay the KB folder's files (same id = replaced).</summary>
public interface IKnowledgeEntryStore
{
    /// <summary>The file entries with the curated ones applied: replaced, added, or removed when retired.</summary>
    IReadOnlyList<KnowledgeEntry> Overlay(IReadOnlyList<KnowledgeEntry> fromFiles);

    /// <summary>Adds or replaces an entry.</summary>
    void Save(KnowledgeEntry entry, string staffKey, DateTimeOffset now);

    /// <summary>Withdraws an entry (kept, marked retired, so a file entry with the same id stays hidden too).</summary>
    void Retire(KnowledgeEntry entry, string staffKey, DateTimeOffset now);
}

/// <summary>A curated entry as stored: the entry, and whether it was withdrawn.</summary>
public sealed record CuratedEntry(KnowledgeEntry Entry, bool Retired);
