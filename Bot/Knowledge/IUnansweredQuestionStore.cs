using Cppcc.Dialogs.Knowledge;

namespace Cppcc.Bot.Knowledge;

/// <summary>
/// Questions the knowledge base could not answer, deduplicated (same words after folding case, width, traditional
/// characters, spaces and punctuation: <see cref="UnansweredQuestionStore.Key"/>) and counted, for curators.
/// </summary>
public interface IUnansweredQuestionStore
{
    /// <summary>Counts one more asking of <paramref name="question"/>; <paramref name="handedOff"/> marks it passed to staff.</summary>
    void Record(string question, DateTimeOffset now, bool handedOff = false, bool countAsking = true);

    /// <summary>The most asked questions first.</summary>
    IReadOnlyList<UnansweredQuestion> Top(int max);
}
