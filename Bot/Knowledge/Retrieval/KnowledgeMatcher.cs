using Cppcc.Bot.Knowledge;

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
/// Turns ranked candidates into a decision. The thresholds are measured on the evaluation set
/// (Tests/Benchmarks/Knowledge): answering below <see cref="AnswerThreshold"/> gives wrong answers to questions the
/// KB does not cover; between <see cref="SuggestThreshold"/> and it the bot admits it is unsure and lists the near
/// entries as buttons. (Answering a middling best entry that leads the runner-up by a wide margin was measured too:
/// it gained 2-3 points of right answers on eval.yaml but lost more in correct "no answer".)
/// </summary>
public sealed record KnowledgeMatcher(double AnswerThreshold, double SuggestThreshold, double CloseMargin, int MaxChoices = 3)
{
    /// <summary>The matcher the bot uses with these settings (the benchmark and the quality gate use the same).</summary>
    public static KnowledgeMatcher From(KnowledgeOptions o) =>
        new(o.AnswerThreshold, o.SuggestThreshold, o.CloseMargin);

    public KnowledgeMatch Decide(IReadOnlyList<KnowledgeCandidate> ranked)
    {
        if (ranked.Count == 0 || ranked[0].Confidence < SuggestThreshold)
        {
            return new(KnowledgeMatchKind.NoAnswer, []);
        }

        var best = ranked[0].Confidence;
        if (best < AnswerThreshold)
        {
            return new(KnowledgeMatchKind.Suggest, ranked.Take(MaxChoices).Where(c => c.Confidence >= SuggestThreshold).ToList());
        }

        // A document passage that merely restates the best curated Q&A entry is no reason to make the user choose.
        var close = ranked.Take(MaxChoices)
            .Where((c, i) => i == 0 || (c.Confidence >= AnswerThreshold && c.Rank >= ranked[0].Rank - CloseMargin
                && !(c.Entry.IsPassage && !ranked[0].Entry.IsPassage)))
            .ToList();
        return close.Count > 1 ? new(KnowledgeMatchKind.Choose, close) : new(KnowledgeMatchKind.Answer, [ranked[0]]);
    }
}
