using Cppcc.Benchmarks.Knowledge;
using Cppcc.Bot.Knowledge.Files;
using Cppcc.Bot.Knowledge.Retrieval;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.Knowledge;

/// <summary>
/// Quality gate: the shipped kb/ must keep answering the evaluation set
/// (Tests/Benchmarks/Knowledge/eval.yaml, phrased differently from the KB's own questions) at the targets.
/// </summary>
public class RetrievalQualityTests
{
    // Measured with the benchmark (0.802 on eval.yaml in the quality pass); kept a little under so that a KB edit that
    // costs several questions fails the build. The held-out sets are reported by the benchmark, never gated on, so
    // that nobody tunes to them.
    private const double MinConfidentRight = 0.75;

    private static readonly Lazy<EvalScores> Scores = new(() =>
    {
        var loaded = KnowledgeFolderLoader.Load(Path.Combine(BotFactory.RepositoryRoot, "kb"));
        Assert.Empty(loaded.Issues);
        var eval = Evaluation.Load(Path.Combine(BotFactory.RepositoryRoot, "Tests", "Benchmarks", "Knowledge", "eval.yaml"));
        using var index = new KnowledgeIndex(loaded.Entries, new KnowledgeTextAnalyzer(new SmartCnTokenizer(), KnowledgeSynonyms.Default));
        var options = new Cppcc.Bot.Knowledge.KnowledgeOptions();
        return Evaluation.Score(index, KnowledgeMatcher.For(index, options), eval, new DateOnly(2026, 6, 1));
    });

    [Theory]
    [InlineData("eval.yaml")]
    [InlineData("holdout.yaml")]
    [InlineData("holdout2.yaml")]
    [InlineData("holdout3.yaml")]
    public void Every_entry_an_evaluation_set_expects_exists_in_the_shipped_kb(string file)
    {
        var ids = KnowledgeFolderLoader.Load(Path.Combine(BotFactory.RepositoryRoot, "kb")).Entries.Select(e => e.Id).ToHashSet();
        var items = Evaluation.Load(Path.Combine(BotFactory.RepositoryRoot, "Tests", "Benchmarks", "Knowledge", file));

        var unknown = items.Where(i => i.Answerable).SelectMany(i => i.Expect.Split('|')).Where(id => !ids.Contains(id)).Distinct().ToList();

        Assert.True(items.Count >= 20, $"{file}: {items.Count} questions");
        Assert.Empty(unknown);
    }

    [Fact]
    public void The_evaluation_set_is_big_enough_to_mean_something()
    {
        Assert.True(Scores.Value.Answerable >= 100, $"{Scores.Value.Answerable} answerable questions");
        Assert.True(Scores.Value.Unanswerable >= 30, $"{Scores.Value.Unanswerable} questions the KB must not answer");
    }

    [Fact]
    public void The_right_entry_ranks_first_for_at_least_85_percent() => Assert.True(Scores.Value.Top1 >= 0.85, $"top-1 {Scores.Value.Top1:0.000}");

    [Fact]
    public void The_right_entry_is_in_the_first_three_for_at_least_95_percent() => Assert.True(Scores.Value.Top3 >= 0.95, $"top-3 {Scores.Value.Top3:0.000}");

    [Fact]
    public void At_least_90_percent_of_questions_the_KB_cannot_answer_get_no_answer()
        => Assert.True(Scores.Value.NoAnswerRecall >= 0.90, $"no-answer recall {Scores.Value.NoAnswerRecall:0.000}\n" + string.Join('\n', Scores.Value.Misses));

    // Was 0.90 while "您是不是想问" lists went down to a fixed 0.14 confidence; now the list starts where this KB's own
    // calibration puts it (0.89 measured on eval.yaml), so a few more answerable questions get a plain no-answer.
    [Fact]
    public void At_least_85_percent_of_no_answers_are_right()
        => Assert.True(Scores.Value.NoAnswerPrecision >= 0.85, $"no-answer precision {Scores.Value.NoAnswerPrecision:0.000}\n" + string.Join('\n', Scores.Value.Misses));

    [Fact]
    public void Most_answerable_questions_get_the_right_answer_at_once()
        => Assert.True(Scores.Value.ConfidentRight >= MinConfidentRight, $"confident right {Scores.Value.ConfidentRight:0.000}\n" + string.Join('\n', Scores.Value.Misses));

    [Fact]
    public void Wrong_answers_stay_rare() => Assert.True(Scores.Value.WrongAnswer <= 0.05, $"wrong-answer rate {Scores.Value.WrongAnswer:0.000}\n" + string.Join('\n', Scores.Value.Misses));
}
