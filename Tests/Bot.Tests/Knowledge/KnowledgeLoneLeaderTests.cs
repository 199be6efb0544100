using Cppcc.Bot.Knowledge;
using Cppcc.Bot.Knowledge.Files;
using Cppcc.Bot.Knowledge.Retrieval;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.Knowledge;

/// <summary>
/// A best entry that stands alone (its runner-up far below it, relative to the KB's own impostors) is answered even when
/// its confidence is low, as on a one-question FAQ asked in its answers' words; a low lone leader under the floor, or one
/// with a close runner-up, still gets the honest no-answer with buttons.
/// </summary>
public class KnowledgeLoneLeaderTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly KnowledgeTextAnalyzer Analyzer = new(new SmartCnTokenizer(), KnowledgeSynonyms.Default);

    // Thresholds of the shape a KB's calibration gives: a clear absolute lead would need 0.5 and 0.3 ahead.
    private static readonly KnowledgeMatcher Matcher = new(AnswerThreshold: 0.6, LeaderThreshold: 0.5, LeaderGap: 0.3, SuggestThreshold: 0.15,
        CloseMargin: 0.03, LeaderRatio: 0.5, RatioFloor: 0.3);

    [Theory]
    [InlineData(0.33, 0.11, KnowledgeMatchKind.Answer)]
    [InlineData(0.33, 0.25, KnowledgeMatchKind.Suggest)]
    [InlineData(0.25, 0.05, KnowledgeMatchKind.Suggest)]
    public void A_low_best_entry_is_answered_only_when_it_stands_alone_above_the_floor(double best, double runnerUp, KnowledgeMatchKind expected)
    {
        var ranked = new[] { Candidate("a", best), Candidate("b", runnerUp) };

        var match = Matcher.Decide(ranked);

        Assert.Equal(expected, match.Kind);
        Assert.Equal("a", match.Candidates[0].Entry.Id);
    }

    [Fact]
    public void A_one_question_FAQ_nobody_tuned_for_answers_a_question_in_its_answer_words()
    {
        // A KB written outside the team, one question per entry ("年度协商计划由谁制定？"-style); the question is asked
        // in the words of the answer, and scores low everywhere, but its entry stands alone. Unknown words weigh in full
        // here: weighed as everyday words they lift this question just above the lead level, and the rule is not needed.
        var entries = KnowledgeFolderLoader.Load(Path.Combine(BotFactory.RepositoryRoot, "Tests", "Benchmarks", "Knowledge", "kbs", "faq-short"), f => f == "faq.yaml").Entries;
        using var index = new KnowledgeIndex(entries, Analyzer, new KnowledgeRankingOptions { CommonWordIdf = 0 });
        var ranked = index.Search("年度协商计划由谁批准", KnowledgeAudience.Members, Today);

        var match = KnowledgeMatcher.For(index, new KnowledgeOptions()).Decide(ranked);

        Assert.True(ranked[0].Confidence < index.Calibration.LeaderThreshold, "the question should score below the absolute-lead level");
        Assert.Equal(KnowledgeMatchKind.Answer, match.Kind);
        Assert.Equal("consultation-forms", match.Best!.Id);
    }

    [Fact]
    public void The_lone_leader_rule_is_measured_for_each_KB_and_stays_within_sane_limits()
    {
        var shipped = KnowledgeFolderLoader.Load(Path.Combine(BotFactory.RepositoryRoot, "kb")).Entries;
        using var index = new KnowledgeIndex(shipped, Analyzer);
        var c = index.Calibration;

        Assert.InRange(c.LeaderRatio, 0.2, 0.5);
        Assert.InRange(c.RatioFloor, c.SuggestThreshold, c.AnswerThreshold);
        // An off-topic question never stands alone high enough to be answered.
        Assert.NotEqual(KnowledgeMatchKind.Answer, KnowledgeMatcher.For(index, new KnowledgeOptions())
            .Decide(index.Search("红烧肉怎么做才好吃", KnowledgeAudience.Members, Today)).Kind);
    }

    private static KnowledgeCandidate Candidate(string id, double confidence)
        => new(new KnowledgeEntry { Id = id, Questions = [id], Answer = id, Source = "test" }, 1, confidence) { Rank = confidence };
}
