using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Knowledge;

/// <summary>Finds the curated answer to a question, honouring who may see which entry.</summary>
public interface IKnowledgeAnswerer
{
    /// <summary>
    /// Answers <paramref name="question"/> (asynchronous: with embeddings or a generative model configured it asks them): one answer, a few close candidates to pick from, or no answer.
    /// <paramref name="previousEntryId"/> is the entry answered a turn or two before, if any: a short follow-up
    /// ("那需要多久？") is read against it and its related entries.
    /// </summary>
    Task<KnowledgeResult> AnswerAsync(string question, Role role, string? previousEntryId, CancellationToken cancellationToken);

    /// <summary>The entry <paramref name="entryId"/> when <paramref name="role"/> may see it and it is in force, else null.</summary>
    KnowledgeAnswer? Find(string entryId, Role role);
}

/// <summary>How sure the knowledge base is.</summary>
public enum KnowledgeResultKind
{
    /// <summary>Nothing close: no answer.</summary>
    NoAnswer,

    /// <summary>Not confident, but some entries are near ("您是不是想问"): still no answer.</summary>
    Suggest,

    /// <summary>One entry answers it.</summary>
    Answer,

    /// <summary>Two or three entries are about equally good: the user picks.</summary>
    Choose,
}

/// <summary>The outcome of a question.</summary>
/// <param name="Kind">How sure the knowledge base is.</param>
/// <param name="Answer">The answer when <paramref name="Kind"/> is <see cref="KnowledgeResultKind.Answer"/>.</param>
/// <param name="Candidates">Entries to offer as buttons (Choose, Suggest).</param>
public sealed record KnowledgeResult(KnowledgeResultKind Kind, KnowledgeAnswer? Answer, IReadOnlyList<KnowledgeLink> Candidates)
{
    /// <summary>No answer and nothing to suggest.</summary>
    public static KnowledgeResult None { get; } = new(KnowledgeResultKind.NoAnswer, null, []);

    /// <summary>A single confident answer.</summary>
    public static KnowledgeResult Of(KnowledgeAnswer answer) => new(KnowledgeResultKind.Answer, answer, []);
}

/// <summary>A curated answer and where it comes from.</summary>
/// <param name="EntryId">The entry's id.</param>
/// <param name="Answer">Answer text (Markdown), verbatim from the knowledge base.</param>
/// <param name="Citation">The source to cite ("title › heading" for documents), if any.</param>
/// <param name="Url">A link to the source, if any.</param>
/// <param name="Related">Related entries the caller may see, offered as follow-up questions.</param>
public sealed record KnowledgeAnswer(string EntryId, string Answer, string? Citation, string? Url, IReadOnlyList<KnowledgeLink> Related)
{
    /// <summary>An answer without related entries.</summary>
    public KnowledgeAnswer(string entryId, string answer, string? citation, string? url)
        : this(entryId, answer, citation, url, [])
    {
    }
}

/// <summary>An entry offered as a button: its id and the question (or "title › heading") to show.</summary>
/// <param name="EntryId">The entry's id.</param>
/// <param name="Title">What the button says.</param>
public sealed record KnowledgeLink(string EntryId, string Title);
