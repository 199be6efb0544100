using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Knowledge;

/// <summary>Staff curation of the knowledge base from Teams.</summary>
public interface IKnowledgeCuration
{
    /// <summary>The most asked unanswered questions, most frequent first.</summary>
    IReadOnlyList<UnansweredQuestion> Unanswered(int max);

    /// <summary>"有帮助 / 没帮助" counts per entry, most voted first.</summary>
    IReadOnlyList<EntryFeedback> Feedback();

    /// <summary>The entry as an editable draft, or null when there is no Q&amp;A entry with that id.</summary>
    KnowledgeDraft? Draft(string entryId);

    /// <summary>Adds or replaces an entry; returns why not (empty when saved). Takes effect at once.</summary>
    IReadOnlyList<KnowledgeDraftIssue> Save(KnowledgeDraft draft, Caller staff);

    /// <summary>Withdraws an entry from answering; false when there is no such entry.</summary>
    bool Retire(string entryId, Caller staff);

    /// <summary>Writes all Q&amp;A entries in force as YAML (docs/contract.md, Knowledge base files); returns where and how many.</summary>
    KnowledgeExport Export();

    /// <summary>Reloads the KB folder and the curated entries now.</summary>
    KnowledgeReload Reload();
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

/// <summary>What can keep an entry from being saved.</summary>
public enum KnowledgeDraftProblem
{
    /// <summary>The id is not <c>[a-z0-9-]+</c>.</summary>
    BadId,

    /// <summary>No way of asking was given.</summary>
    NoQuestion,

    /// <summary>The answer is empty.</summary>
    NoAnswer,

    /// <summary>The answer is longer than a KB file may hold (one answer is one message).</summary>
    AnswerTooLong,

    /// <summary>The audience is not public, members or staff.</summary>
    BadAudience,

    /// <summary>The link is not an absolute http(s) address.</summary>
    BadUrl,

    /// <summary>Related ids name no entry.</summary>
    UnknownRelated,

    /// <summary>The id belongs to a passage of a document file, which is edited in its file.</summary>
    PassageId,
}

/// <summary>One reason an entry was not saved.</summary>
/// <param name="Problem">What is wrong.</param>
/// <param name="Entries">For <see cref="KnowledgeDraftProblem.UnknownRelated"/>: the ids not found.</param>
/// <param name="Limit">For <see cref="KnowledgeDraftProblem.AnswerTooLong"/>: the most characters an answer may have.</param>
public sealed record KnowledgeDraftIssue(KnowledgeDraftProblem Problem, IReadOnlyList<string>? Entries = null, int Limit = 0);

/// <summary>Result of an export.</summary>
/// <param name="Path">The YAML file written on the server.</param>
/// <param name="Entries">How many entries it holds.</param>
public sealed record KnowledgeExport(string Path, int Entries);

/// <summary>Result of a reload.</summary>
/// <param name="Entries">Entries and passages now answering.</param>
/// <param name="Problems">Bad files or entries ("file:line: reason").</param>
public sealed record KnowledgeReload(int Entries, IReadOnlyList<string> Problems);
