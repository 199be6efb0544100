namespace Cppcc.Bot.Knowledge.Retrieval;

/// <summary>
/// Reads a question as a follow-up of the previous answer. Only a question that leans on the previous
/// one for its topic (at most <see cref="TopicWords"/> topic words of its own: "那需要多久？", "怎么查进度") is read so;
/// a question with a topic of its own stands alone. The previous entry's related entries come first, even over a
/// confident stand-alone match ("那怎么查办理情况" after the anonymity answer is about suggestions, not proposals),
/// unless that match fits clearly better ("社情民意是什么" right after the reply-time answer is about 社情民意);
/// then, when the question has no confident answer on its own, the question read together with the previous one,
/// never answering the previous entry again.
/// </summary>
/// <param name="matcher">This KB's decision rule; its suggestion level is the follow-up threshold unless one is fixed.</param>
/// <param name="fixedThreshold">A threshold pinned in the configuration, or null for the KB's calibrated one.</param>
public sealed class KnowledgeFollowUps(KnowledgeMatcher matcher, double? fixedThreshold = null)
{
    private readonly double threshold = fixedThreshold ?? matcher.SuggestThreshold;

    /// <summary>A follow-up has at most this many topic words of its own; more and it is a question of its own.</summary>
    public const int TopicWords = 2;

    /// <summary>The entry that answers <paramref name="question"/> as a follow-up of <paramref name="previous"/>, or null.</summary>
    public KnowledgeEntry? Resolve(KnowledgeIndex index, string question, KnowledgeEntry previous, KnowledgeMatch plain,
        KnowledgeAudience caller, DateOnly today)
    {
        if (index.TopicWordCount(question) > TopicWords)
        {
            return null;
        }

        var related = index.Rank(question, previous.Related, caller, today);
        if (related.Count > 0 && related[0].Confidence >= threshold
            && (related.Count == 1 || related[0].Confidence - related[1].Confidence >= matcher.CloseMargin)
            && (plain.Kind != KnowledgeMatchKind.Answer || related[0].Confidence >= plain.Candidates[0].Confidence - matcher.LeaderGap))
        {
            return related[0].Entry;
        }

        if (plain.Kind == KnowledgeMatchKind.Answer)
        {
            return null;
        }

        var context = previous.IsPassage ? previous.Heading! : previous.Questions[0];
        var together = index.Search(context + "\n" + question, caller, today, matcher.MaxChoices + 1)
            .Where(c => c.Entry.Id != previous.Id).ToList();
        var match = matcher.Decide(together);
        return match.Kind == KnowledgeMatchKind.Answer ? match.Candidates[0].Entry : null;
    }
}
