using Cppcc.Bot.Knowledge;
using Cppcc.Bot.Knowledge.Retrieval;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Cppcc.Benchmarks.Knowledge;

/// <summary>One evaluation question: what a user types, as whom, and the entry that answers it ("none": no entry may).</summary>
public sealed class EvalItem
{
    public string Q { get; set; } = "";
    public string Expect { get; set; } = "";
    public string Role { get; set; } = "members";
    public bool Answerable => Expect != "none";

    /// <summary>True when <paramref name="id"/> is the expected entry (or one of the "a|b" alternatives).</summary>
    public bool Expects(string? id) => id is not null && Expect.Split('|').Contains(id, StringComparer.Ordinal);

    public KnowledgeAudience Caller => Role switch
    {
        "public" => KnowledgeAudience.Public,
        "staff" => KnowledgeAudience.Staff,
        _ => KnowledgeAudience.Members,
    };
}

/// <summary>A follow-up pair: a first question answered with <see cref="FirstExpect"/>, then the short follow-up <see cref="EvalItem.Q"/>.</summary>
public sealed class FollowUpItem
{
    public string First { get; set; } = "";
    public string FirstExpect { get; set; } = "";
    public string Q { get; set; } = "";
    public string Expect { get; set; } = "";
    public string Role { get; set; } = "members";

    public EvalItem AsItem => new() { Q = Q, Expect = Expect, Role = Role };
}

/// <summary>What the user saw for one question.</summary>
public enum EvalOutcome
{
    /// <summary>Answerable: the right entry was sent as the answer.</summary>
    ConfidentRight,

    /// <summary>Answerable: no answer sent, but the right entry was one of the buttons ("请选择" or "您是不是想问").</summary>
    RightOffered,

    /// <summary>A wrong entry was sent as the answer (or offered as "equally good" choices without the right one).</summary>
    WrongAnswer,

    /// <summary>Answerable, but the user got "no answer" (with no button leading to the right entry).</summary>
    MissedNoAnswer,

    /// <summary>Not answerable, and the user got "no answer" (possibly with "您是不是想问" buttons, which answer nothing).</summary>
    CorrectNoAnswer,
}

/// <summary>
/// Figures over an evaluation set, as the issue states them.
/// Ranking (answerable questions): the expected entry first (top-1) / among the first three (top-3).
/// Decisions with the thresholds: confident right, right offered as a button, wrong answer, no answer.
/// No-answer recall: share of the questions the KB must not answer that got "no answer".
/// No-answer precision: share of all "no answer" replies that were right, i.e. correct no-answers divided by correct
/// no-answers plus answerable questions left without answer or a button to the right entry. The strict variant also
/// counts a "您是不是想问" reply that lists the right entry as a wrong "no answer".
/// </summary>
public sealed record EvalScores(int Answerable, int Unanswerable, double Top1, double Top3,
    IReadOnlyDictionary<EvalOutcome, int> Counts, IReadOnlyList<string> Misses)
{
    public int Total => Answerable + Unanswerable;
    public int SuggestedRight { get; init; }

    private int Count(EvalOutcome o) => Counts.GetValueOrDefault(o);
    private static double Rate(int n, int of) => of == 0 ? 0 : (double)n / of;

    /// <summary>Share of answerable questions answered with the right entry.</summary>
    public double ConfidentRight => Rate(Count(EvalOutcome.ConfidentRight), Answerable);

    /// <summary>Share of answerable questions where the right entry was a button.</summary>
    public double RightOffered => Rate(Count(EvalOutcome.RightOffered), Answerable);

    /// <summary>Share of answerable questions that got "no answer" without the right button.</summary>
    public double Missed => Rate(Count(EvalOutcome.MissedNoAnswer), Answerable);

    /// <summary>Share of ALL questions (answerable or not) that got a wrong entry as the answer.</summary>
    public double WrongAnswer => Rate(Count(EvalOutcome.WrongAnswer), Total);

    public double NoAnswerRecall => Rate(Count(EvalOutcome.CorrectNoAnswer), Unanswerable);

    public double NoAnswerPrecision => Rate(Count(EvalOutcome.CorrectNoAnswer), Count(EvalOutcome.CorrectNoAnswer) + Count(EvalOutcome.MissedNoAnswer));

    public double NoAnswerPrecisionStrict => Rate(Count(EvalOutcome.CorrectNoAnswer),
        Count(EvalOutcome.CorrectNoAnswer) + Count(EvalOutcome.MissedNoAnswer) + SuggestedRight);

    public string Summary =>
        $"ranking:    top-1 {Top1:0.000}  top-3 {Top3:0.000}  ({Answerable} answerable)\n" +
        $"answerable: confident right {ConfidentRight:0.000}  right entry offered as a button {RightOffered:0.000}  " +
        $"no answer {Missed:0.000}  wrong answer {Rate(WrongOnAnswerable, Answerable):0.000}\n" +
        $"no answer:  recall (correct no-answer) {NoAnswerRecall:0.000} of {Unanswerable}  precision {NoAnswerPrecision:0.000}  " +
        $"(strict, a \"您是不是想问\" list with the right entry counted as a wrong no-answer: {NoAnswerPrecisionStrict:0.000})\n" +
        $"overall:    wrong-answer rate {WrongAnswer:0.000} of all {Total} questions; right entry answered or offered first {RightFirst:0.000}; did-you-mean (button list) {DidYouMean:0.000}; p99 {P99Milliseconds:0.00} ms per question";

    public int WrongOnAnswerable { get; init; }

    /// <summary>Answerable questions where the right entry was answered, or was the first button offered.</summary>
    public int RightFirstCount { get; init; }

    /// <summary>Share of answerable questions where the right entry was answered or offered first.</summary>
    public double RightFirst => Rate(RightFirstCount, Answerable);

    /// <summary>Answerable questions whose reply was a button list ("您是不是想问" or "请选择") instead of an answer.</summary>
    public int ButtonListCount { get; init; }

    /// <summary>Share of answerable questions that got a button list: the did-you-mean rate.</summary>
    public double DidYouMean => Rate(ButtonListCount, Answerable);

    /// <summary>99th percentile of the time to search and decide one question of the set.</summary>
    public double P99Milliseconds { get; init; }
}

public static class Evaluation
{
    public static List<EvalItem> Load(string path)
        => new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
            .Deserialize<List<EvalItem>>(File.ReadAllText(path));

    public static List<FollowUpItem> LoadFollowUps(string path)
        => new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
            .Deserialize<List<FollowUpItem>>(File.ReadAllText(path));

    /// <summary>
    /// Follow-ups answered right with the previous entry as context, and without it (the same question on its own);
    /// "right" for a must-not-answer follow-up means no answer. The previous entry is the expected one, as if the user
    /// had got it directly or by a button.
    /// </summary>
    public static (int Right, int RightAlone, IReadOnlyList<string> Misses) ScoreFollowUps(KnowledgeIndex index, KnowledgeMatcher matcher,
        KnowledgeFollowUps followUps, IReadOnlyList<KnowledgeEntry> entries, IReadOnlyList<FollowUpItem> items, DateOnly today)
    {
        int right = 0, alone = 0;
        var misses = new List<string>();
        foreach (var pair in items)
        {
            var item = pair.AsItem;
            var previous = entries.First(e => e.Id == pair.FirstExpect);
            var plain = matcher.Decide(index.Search(item.Q, item.Caller, today, matcher.MaxChoices));
            var plainAnswer = plain.Kind == KnowledgeMatchKind.Answer ? plain.Candidates[0].Entry : null;
            var answer = followUps.Resolve(index, item.Q, previous, plain, item.Caller, today) ?? plainAnswer;
            bool Ok(KnowledgeEntry? e) => item.Answerable ? item.Expects(e?.Id) : e is null;
            right += Ok(answer) ? 1 : 0;
            alone += Ok(plainAnswer) ? 1 : 0;
            if (!Ok(answer))
            {
                misses.Add($"{pair.First} / {pair.Q} -> {pair.Expect}; got {answer?.Id ?? "no answer"}");
            }
        }

        return (right, alone, misses);
    }

    public static EvalOutcome Judge(EvalItem item, KnowledgeMatch match)
    {
        var answered = match.Kind is KnowledgeMatchKind.Answer or KnowledgeMatchKind.Choose;
        if (!item.Answerable)
        {
            return answered ? EvalOutcome.WrongAnswer : EvalOutcome.CorrectNoAnswer;
        }

        var offered = match.Candidates.Any(c => item.Expects(c.Entry.Id));
        return match.Kind switch
        {
            KnowledgeMatchKind.Answer => offered ? EvalOutcome.ConfidentRight : EvalOutcome.WrongAnswer,
            KnowledgeMatchKind.Choose => offered ? EvalOutcome.RightOffered : EvalOutcome.WrongAnswer,
            KnowledgeMatchKind.Suggest when offered => EvalOutcome.RightOffered,
            _ => EvalOutcome.MissedNoAnswer,
        };
    }

    public static EvalScores Score(KnowledgeIndex index, KnowledgeMatcher matcher, IReadOnlyList<EvalItem> items, DateOnly today)
    {
        int top1 = 0, top3 = 0, suggestedRight = 0, wrongOnAnswerable = 0, rightFirst = 0, buttonLists = 0;
        var counts = new Dictionary<EvalOutcome, int>();
        var misses = new List<string>();
        var times = new List<double>();
        foreach (var item in items)
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            var ranked = index.Search(item.Q, item.Caller, today, 3);
            var match = matcher.Decide(ranked, () => index.BestHidden(item.Q, null, item.Caller, today));
            times.Add(System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            var outcome = Judge(item, match);
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
            if (outcome is not (EvalOutcome.ConfidentRight or EvalOutcome.CorrectNoAnswer))
            {
                misses.Add($"{outcome,-15} [{item.Role}] {item.Q} -> {item.Expect}; {match.Kind}: "
                    + string.Join(", ", ranked.Select(c => $"{c.Entry.Id} {c.Confidence:0.00}")));
            }

            if (item.Answerable)
            {
                top1 += ranked.Count > 0 && item.Expects(ranked[0].Entry.Id) ? 1 : 0;
                top3 += ranked.Any(c => item.Expects(c.Entry.Id)) ? 1 : 0;
                suggestedRight += outcome == EvalOutcome.RightOffered && match.Kind == KnowledgeMatchKind.Suggest ? 1 : 0;
                buttonLists += match.Kind is KnowledgeMatchKind.Suggest or KnowledgeMatchKind.Choose ? 1 : 0;
                wrongOnAnswerable += outcome == EvalOutcome.WrongAnswer ? 1 : 0;
                rightFirst += outcome == EvalOutcome.ConfidentRight || (outcome == EvalOutcome.RightOffered && item.Expects(match.Candidates[0].Entry.Id)) ? 1 : 0;
            }
        }

        var answerable = items.Count(i => i.Answerable);
        double Rate(int n) => answerable == 0 ? 0 : (double)n / answerable;
        return new EvalScores(answerable, items.Count - answerable, Rate(top1), Rate(top3), counts, misses)
        {
            SuggestedRight = suggestedRight,
            WrongOnAnswerable = wrongOnAnswerable,
            RightFirstCount = rightFirst,
            ButtonListCount = buttonLists,
            P99Milliseconds = times.Count == 0 ? 0 : Percentile(times.Order().ToList(), 0.99),
        };
    }

    public static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
