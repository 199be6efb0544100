using Cppcc.Bot.Knowledge;
using Cppcc.Bot.Knowledge.Files;
using Cppcc.Bot.Knowledge.Retrieval;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.Knowledge;

/// <summary>Confidence that depends on how well an entry fits, not on how many ways of asking it lists; thresholds per KB.</summary>
public class KnowledgeCalibrationTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly KnowledgeTextAnalyzer Analyzer = new(new SmartCnTokenizer(), KnowledgeSynonyms.Default);
    private static readonly Lazy<IReadOnlyList<KnowledgeEntry>> Shipped = new(() => KnowledgeFolderLoader.Load(Path.Combine(BotFactory.RepositoryRoot, "kb")).Entries);

    [Fact]
    public void A_paraphrase_with_a_word_the_KB_never_uses_is_answered()
    {
        using var index = new KnowledgeIndex(Shipped.Value, Analyzer);

        var match = KnowledgeMatcher.For(index, new KnowledgeOptions()).Decide(index.Search("政协提案的定义是什么", KnowledgeAudience.Members, Today));

        Assert.Equal(KnowledgeMatchKind.Answer, match.Kind);
        Assert.Equal("proposal-what", match.Best!.Id);
    }

    [Theory]
    [InlineData("委员请假了怎么补学习")]
    [InlineData("提案和社情民意有什么不同")]
    [InlineData("建议多久有答复")]
    public void An_entry_scores_as_its_best_question_however_many_it_lists(string question)
    {
        var entries = Shipped.Value.Where(e => !e.IsPassage && e.Questions.Count >= 3).ToList();
        using var full = new KnowledgeIndex(entries, Analyzer);
        var best = full.Search(question, KnowledgeAudience.Staff, Today, 1).Single();

        // The same KB with the best entry cut to each one of its questions in turn: the entry scores the best of those.
        var alone = best.Entry.Questions.Select(q =>
        {
            var cut = entries.Select(e => e.Id == best.Entry.Id ? e with { Questions = [q] } : e).ToList();
            using var index = new KnowledgeIndex(cut, Analyzer);
            return index.Search(question, KnowledgeAudience.Staff, Today, 20).Single(c => c.Entry.Id == best.Entry.Id).Confidence;
        }).ToList();

        Assert.Equal(alone.Max(), best.Confidence, 6);
    }
}
