namespace Cppcc.Bot.Knowledge;

/// <summary>
/// Optional generative phrasing: an answer to the question written strictly from the retrieved
/// passages. Returns null when it cannot (no answer in the passages, model unavailable, slow or refusing): the
/// plain KB answer goes out instead.
/// </summary>
public interface IKnowledgePhraser
{
    /// <summary>The phrased answer and the passages it cites, or null.</summary>
    Task<PhrasedAnswer?> PhraseAsync(string question, IReadOnlyList<KnowledgeEntry> passages, CancellationToken cancellationToken);
}

/// <summary>A generated answer and the passages (by position in the list given) it says it used.</summary>
public sealed record PhrasedAnswer(string Text, IReadOnlyList<KnowledgeEntry> Cited);
