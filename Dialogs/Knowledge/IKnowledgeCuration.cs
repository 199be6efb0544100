using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Knowledge;

/// <summary>Staff curation of the knowledge base from Teams.</summary>
public interface IKnowledgeCuration
{
    /// <summary>The most asked unanswered questions, most frequent first.</summary>
    Task<IReadOnlyList<UnansweredQuestion>> UnansweredAsync(int max, CancellationToken cancellationToken);

    /// <summary>"有帮助 / 没帮助" counts per entry, most voted first.</summary>
    Task<IReadOnlyList<EntryFeedback>> FeedbackAsync(CancellationToken cancellationToken);

    /// <summary>The entry as an editable draft, or null when there is no Q&amp;A entry with that id.</summary>
    Task<KnowledgeDraft?> DraftAsync(string entryId, CancellationToken cancellationToken);

    /// <summary>Adds or replaces an entry; returns the problems (empty when saved). Takes effect at once.</summary>
    Task<IReadOnlyList<string>> SaveAsync(KnowledgeDraft draft, Caller staff, CancellationToken cancellationToken);

    /// <summary>Withdraws an entry from answering; false when there is no such entry.</summary>
    Task<bool> RetireAsync(string entryId, Caller staff, CancellationToken cancellationToken);

    /// <summary>Writes all Q&amp;A entries in force as YAML (docs/contract.md §5); returns where and how many.</summary>
    Task<KnowledgeExport> ExportAsync(CancellationToken cancellationToken);

    /// <summary>Reloads the KB folder and the curated entries now.</summary>
    Task<KnowledgeReload> ReloadAsync(CancellationToken cancellationToken);
}

/// <summary>An unanswered question as curators see it.</summary>
/// <param name="Question">The question as first asked.</param>
/// <param name="Count">How often it was asked.</param>
/// <param name="LastAsked">When it was last asked.</param>
/// <param name="HandedOff">True when someone passed it to staff.</param>
public sealed record UnansweredQuestion(string Question, int Count, DateTimeOffset LastAsked, bool HandedOff);

/// <summary>Feedback counts of one entry.</summary>
/// <param name="EntryId">The entry.</param>
/// <param name="Helpful">"有帮助" votes.</param>
/// <param name="NotHelpful">"没帮助" votes.</param>
public sealed record EntryFeedback(string EntryId, int Helpful, int NotHelpful);

/// <summary>An entry being written by staff (card fields; lists one item per line or comma-separated).</summary>
public sealed class KnowledgeDraft
{
    /// <summary>Entry id, <c>[a-z0-9-]+</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Ways people ask, one per line.</summary>
    public string Questions { get; set; } = "";

    /// <summary>The answer (Markdown).</summary>
    public string Answer { get; set; } = "";

    /// <summary>Citation.</summary>
    public string Source { get; set; } = "";

    /// <summary>Link to the source.</summary>
    public string Url { get; set; } = "";

    /// <summary>public, members or staff.</summary>
    public string Audience { get; set; } = "members";

    /// <summary>Tags, comma-separated.</summary>
    public string Tags { get; set; } = "";

    /// <summary>Related entry ids, comma-separated.</summary>
    public string Related { get; set; } = "";
}

/// <summary>Result of an export.</summary>
/// <param name="Path">The YAML file written on the server.</param>
/// <param name="Entries">How many entries it holds.</param>
public sealed record KnowledgeExport(string Path, int Entries);

/// <summary>Result of a reload.</summary>
/// <param name="Entries">Entries and passages now answering.</param>
/// <param name="Problems">Bad files or entries ("file:line: reason").</param>
public sealed record KnowledgeReload(int Entries, IReadOnlyList<string> Problems);
