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
/// entries as buttons.
/// </summary>
public sealed record KnowledgeMatcher(double AnswerThreshold = 0.46, double SuggestThreshold = 0.25, double CloseMargin = 0.05, int MaxChoices = 3)
{
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

        var close = ranked.Take(MaxChoices).Where((c, i) => i == 0 || (c.Confidence >= AnswerThreshold && c.Confidence >= best - CloseMargin)).ToList();
        return close.Count > 1 ? new(KnowledgeMatchKind.Choose, close) : new(KnowledgeMatchKind.Answer, [ranked[0]]);
    }
}
