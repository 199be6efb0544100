using Cppcc.Bot.Knowledge;
using Cppcc.Bot.Knowledge.Retrieval;

namespace Cppcc.Bot.Tests.Knowledge;

/// <summary>
/// The predicate of a yes/no question ("还能撤回吗") is what the user wants to know: an entry that shares the rest of
/// the question but not it answers another question.
/// </summary>
public class YesNoPredicateTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly KnowledgeTextAnalyzer Analyzer = new(new SmartCnTokenizer(), KnowledgeSynonyms.Default);

    [Theory]
    [InlineData("提案提交以后还能撤回吗", "撤回")]
    [InlineData("外出视察的交通费能报销吗？", "报销")]
    [InlineData("视察的时候可以带家属吗", "家属")]
    [InlineData("提案什么时候截止", null)]
    public void The_predicate_is_the_last_content_word_before_the_final_ma(string question, string? predicate)
    {
        var (sequence, content) = Analyzer.Read(question, null);

        var at = KnowledgeTextAnalyzer.YesNoPredicate(sequence, content);

        Assert.Equal(predicate, at is { } i ? content[i] : null);
    }

    [Fact]
    public void An_entry_without_the_predicate_asked_about_is_less_sure_than_by_words_alone()
    {
        KnowledgeEntry[] entries =
        [
            new() { Id = "deadline", Questions = ["大会提案什么时候截止提交？"], Answer = "大会提案在全会开幕前一周截止提交，平时提案全年都可以提交。", Source = "test" },
            new() { Id = "format", Questions = ["提案怎么写？"], Answer = "每件提案包括案由、案据和办法三部分。", Source = "test" },
            new() { Id = "study", Questions = ["集中学习多久一次？"], Answer = "区政协每月组织一次集中学习。", Source = "test" },
        ];
        using var index = new KnowledgeIndex(entries, Analyzer);
        using var flat = new KnowledgeIndex(entries, Analyzer, new KnowledgeRankingOptions { YesNoPredicateWeight = 1 });

        var weighed = index.Search("提案提交以后还能撤回吗", KnowledgeAudience.Members, Today).Single(c => c.Entry.Id == "deadline");
        var byWords = flat.Search("提案提交以后还能撤回吗", KnowledgeAudience.Members, Today).Single(c => c.Entry.Id == "deadline");

        Assert.True(weighed.Confidence < byWords.Confidence - 0.02, $"{weighed.Confidence:0.000} vs {byWords.Confidence:0.000}");
    }
}
