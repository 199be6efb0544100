using Cppcc.Dialogs.Knowledge;

namespace Cppcc.Bot.Knowledge;

/// <summary>"有帮助 / 没帮助" votes, one per user and entry (a new click replaces the old).</summary>
public interface IKnowledgeFeedbackStore
{
    /// <summary>Records <paramref name="userKey"/>'s vote on an entry.</summary>
    void Record(string entryId, bool helpful, string userKey, DateTimeOffset now);

    /// <summary>Counts per entry, most voted first.</summary>
    IReadOnlyList<EntryFeedback> Counts();
}
