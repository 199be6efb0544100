using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Knowledge;

/// <summary>Finds the curated answer to a question, honouring who may see which entry.</summary>
public interface IKnowledgeAnswerer
{
    /// <summary>The best answer for <paramref name="question"/>, or null when the knowledge base has no confident one.</summary>
    Task<KnowledgeAnswer?> AnswerAsync(string question, Role role, CancellationToken cancellationToken);
}

/// <summary>A curated answer and where it comes from.</summary>
/// <param name="EntryId">The entry's id.</param>
/// <param name="Answer">Answer text (Markdown), verbatim from the knowledge base.</param>
/// <param name="Citation">The source to cite ("title › heading" for documents), if any.</param>
/// <param name="Url">A link to the source, if any.</param>
public sealed record KnowledgeAnswer(string EntryId, string Answer, string? Citation, string? Url);
