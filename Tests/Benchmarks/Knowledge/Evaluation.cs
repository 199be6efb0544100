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

/// <summary>
/// Figures over an evaluation set. Ranking: is the expected entry first (top-1) / among the first three (top-3).
/// Decisions (what the user sees with the thresholds): answered right, answered with a wrong entry, not answered;
/// on questions the KB must not answer, the share that got "no answer" (a suggestion list counts as no answer: it says
/// so and answers nothing).
/// </summary>
public sealed record EvalScores(
    int Answerable, int Unanswerable, double Top1, double Top3,
    double AnsweredRight, double AnsweredWrong, double NotAnswered, double Shown,
    double CorrectNoAnswer, double NoAnswerPrecision, IReadOnlyList<string> Misses);

public static class Evaluation
{
    public static List<EvalItem> Load(string path)
        => new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
            .Deserialize<List<EvalItem>>(File.ReadAllText(path));

    public static EvalScores Score(KnowledgeIndex index, KnowledgeMatcher matcher, IReadOnlyList<EvalItem> items, DateOnly today)
    {
        int answerable = 0, unanswerable = 0, top1 = 0, top3 = 0, right = 0, wrong = 0, notAnswered = 0, shown = 0, noAnswerRight = 0, noAnswerTotal = 0;
        var misses = new List<string>();
        foreach (var item in items)
        {
            var ranked = index.Search(item.Q, item.Caller, today, 3);
            var match = matcher.Decide(ranked);
            var best = match.Best;
            noAnswerTotal += best is null ? 1 : 0;
            var ok = item.Answerable ? item.Expects(best?.Id) : best is null;
            if (!ok)
            {
                misses.Add($"[{item.Role}] {item.Q} -> {item.Expect}; {match.Kind}: "
                    + string.Join(", ", ranked.Select(c => $"{c.Entry.Id} {c.Confidence:0.00}")));
            }

            if (!item.Answerable)
            {
                unanswerable++;
                noAnswerRight += best is null ? 1 : 0;
                continue;
            }

            answerable++;
            top1 += ranked.Count > 0 && item.Expects(ranked[0].Entry.Id) ? 1 : 0;
            top3 += ranked.Any(c => item.Expects(c.Entry.Id)) ? 1 : 0;
            right += item.Expects(best?.Id) ? 1 : 0;
            wrong += best is not null && !item.Expects(best.Id) ? 1 : 0;
            notAnswered += best is null ? 1 : 0;
            shown += match.Candidates.Any(c => item.Expects(c.Entry.Id)) ? 1 : 0;
        }

        double Rate(int n, int of) => of == 0 ? 0 : (double)n / of;
        return new EvalScores(answerable, unanswerable, Rate(top1, answerable), Rate(top3, answerable),
            Rate(right, answerable), Rate(wrong, answerable), Rate(notAnswered, answerable), Rate(shown, answerable),
            Rate(noAnswerRight, unanswerable), Rate(noAnswerRight, noAnswerTotal), misses);
    }
}
