using Cppcc.Bot.Knowledge;
using Cppcc.Bot.Knowledge.Files;
using Cppcc.Bot.Knowledge.Retrieval;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.Knowledge;

/// <summary>
/// Questions asked in the words of an answer, by someone who never saw the entry's own questions, and the colloquial
/// yes/no forms ("能不能", "算不算") that carry no topic.
/// </summary>
public class PhraseEvidenceTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly KnowledgeTextAnalyzer Analyzer = new(new SmartCnTokenizer(), KnowledgeSynonyms.Default);

    [Fact]
    public void Topic_phrases_give_character_pairs_and_question_words_break_them()
    {
        var pairs = PhraseGrams.OfQuestion(Analyzer.Read("全会开完了，闭会期间还能提提案吗", null).Words).ToList();

        Assert.Contains("闭会", pairs);
        Assert.Contains("期间", pairs);
        Assert.Contains("提案", pairs);
        Assert.DoesNotContain("能提", pairs);
        Assert.DoesNotContain("了闭", pairs);
    }

    [Theory]
    [InlineData("社情民意能不能加附件", "附件")]
    [InlineData("学习强国算不算学习", "强国")]
    public void A_yes_no_form_is_not_a_topic_word(string question, string topic)
    {
        var content = Analyzer.ContentWords(question);

        Assert.Contains(topic, content);
        Assert.DoesNotContain("不", content);
    }

    [Fact]
    public void A_question_in_the_words_of_the_answer_is_answered()
    {
        // The passage is headed "履职材料提交"; the member asks about 大会发言材料, words of its text.
        using var index = new KnowledgeIndex(KnowledgeFolderLoader.Load(Path.Combine(BotFactory.RepositoryRoot, "kb")).Entries, Analyzer);

        var match = KnowledgeMatcher.For(index, new KnowledgeOptions()).Decide(index.Search("大会发言材料交给谁", KnowledgeAudience.Members, Today));

        Assert.Equal(KnowledgeMatchKind.Answer, match.Kind);
        Assert.Equal("member-guide#履职材料提交", match.Best!.Id);
    }
}
