namespace Cppcc.Bot.Knowledge.Retrieval;

public enum KnowledgeMatchKind
{
    /// <summary>Nothing close: say so honestly and offer to pass the question to staff.</summary>
    NoAnswer,

    /// <summary>Not confident enough to answer, but some entries are near: "您是不是想问" buttons plus the staff offer.</summary>
    Suggest,

    /// <summary>One entry is the answer.</summary>
    Answer,

    /// <summary>Two or three entries are about equally good: the user picks instead of the bot guessing.</summary>
    Choose,
}

public sealed record KnowledgeMatch(KnowledgeMatchKind Kind, IReadOnlyList<KnowledgeCandidate> Candidates)
{
    public KnowledgeEntry? Best => Kind is KnowledgeMatchKind.Answer or KnowledgeMatchKind.Choose ? Candidates[0].Entry : null;
}

/// <summary>
/// Turns ranked candidates into a decision, with thresholds that come from the KB itself
/// (<see cref="KnowledgeCalibration"/>) unless the configuration fixes them. The best entry is the answer when its
/// confidence reaches <see cref="AnswerThreshold"/>, or when it reaches <see cref="LeaderThreshold"/> and leads the
/// runner-up by <see cref="LeaderGap"/>: a paraphrase with a word the KB never uses ("政协提案的定义是什么") still
/// stands clearly above every other entry. It is also the answer when it reaches <see cref="RatioFloor"/> and the
/// runner-up scores at most <see cref="LeaderRatio"/> of it: a question asked in a long passage's words scores low
/// everywhere, but its passage still stands alone. Runners-up as good as the best (a genuine tie) are offered to choose from;
/// a best entry that is neither sure nor clearly ahead, but above <see cref="SuggestThreshold"/>, gets the honest
/// no-answer with "您是不是想问" buttons; below it the honest no-answer alone.
/// </summary>
public sealed record KnowledgeMatcher(double AnswerThreshold, double LeaderThreshold, double LeaderGap, double SuggestThreshold, double CloseMargin,
    int MaxChoices = 3, double LeaderRatio = 0, double RatioFloor = 1)
{
    /// <summary>
    /// The matcher for <paramref name="index"/>: its calibration (the lexical one when the question is scored by words
    /// alone although the index has embeddings), overridden by what <paramref name="o"/> fixes.
    /// </summary>
    public static KnowledgeMatcher For(KnowledgeIndex index, KnowledgeOptions o, bool wordsOnly = false)
    {
        var c = wordsOnly ? index.LexicalCalibration : index.Calibration;
        var answer = o.AnswerThreshold ?? c.AnswerThreshold;
        var leader = Math.Min(answer, c.LeaderThreshold);
        var suggest = Math.Min(leader, o.SuggestThreshold ?? c.SuggestThreshold);
        return new(answer, leader, c.LeaderGap, suggest, o.CloseMargin, LeaderRatio: c.LeaderRatio, RatioFloor: Math.Clamp(c.RatioFloor, suggest, answer));
    }

    /// <summary>
    /// As <see cref="Decide(IReadOnlyList{KnowledgeCandidate})"/> for a caller who does not see every entry. When the
    /// answer would be given, <paramref name="bestOverall"/> (asked only then) is the best entry of all, seen or not:
    /// if the caller may not see it and it fits at least as well, the question may well be about that entry ("提案怎么写" asked by
    /// the public, whose answer is for members), and the visible entry that merely shares a word is no sure answer. The
    /// caller then gets the honest no-answer with the visible near entries, and nothing of the hidden one.
    /// </summary>
    public KnowledgeMatch Decide(IReadOnlyList<KnowledgeCandidate> ranked, Func<KnowledgeCandidate?> bestOverall)
    {
        var match = Decide(ranked);
        return match.Kind == KnowledgeMatchKind.Answer && bestOverall() is { } hidden
            && hidden.Confidence >= match.Candidates[0].Confidence
                ? new(KnowledgeMatchKind.Suggest, ranked.Take(MaxChoices).ToList())
                : match;
    }

    public KnowledgeMatch Decide(IReadOnlyList<KnowledgeCandidate> ranked)
    {
        if (ranked.Count == 0 || ranked[0].Confidence < SuggestThreshold)
        {
            return new(KnowledgeMatchKind.NoAnswer, []);
        }

        var best = ranked[0];
        var runnerUp = ranked.Count > 1 ? ranked[1].Confidence : 0;
        var sure = best.Confidence >= AnswerThreshold;
        var leads = (best.Confidence >= LeaderThreshold && best.Confidence - runnerUp >= LeaderGap)
            || (best.Confidence >= RatioFloor && runnerUp <= LeaderRatio * best.Confidence);
        if (!sure && !leads)
        {
            return new(KnowledgeMatchKind.Suggest, ranked.Take(MaxChoices).Where(c => c.Confidence >= SuggestThreshold).ToList());
        }

        // A genuine tie: a runner-up that would be answered on its own and is as good as the best in the final order.
        // A document passage that merely restates the best curated Q&A entry is no reason to make the user choose.
        var close = ranked.Take(MaxChoices)
            .Where((c, i) => i == 0 || (c.Confidence >= LeaderThreshold && best.Confidence - c.Confidence < LeaderGap
                && c.Rank >= best.Rank - CloseMargin && !(c.Entry.IsPassage && !best.Entry.IsPassage)))
            .ToList();
        return close.Count > 1 ? new(KnowledgeMatchKind.Choose, close) : new(KnowledgeMatchKind.Answer, [best]);
    }
}
