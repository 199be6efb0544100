using Cppcc.Bot.Knowledge;
using Cppcc.Bot.Knowledge.Retrieval;

namespace Cppcc.Bot.Tests.Knowledge;

/// <summary>
/// Members ask in everyday words the KB's writer never used: a synonym ("模版" for "模板", "稿费" for "稿酬") or
/// filler around the topic ("出差", "比如"). The general thesaurus and the general word weights keep such a question
/// on its entry.
/// </summary>
public class EverydayWordsTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly KnowledgeTextAnalyzer Analyzer = new(new SmartCnTokenizer(), KnowledgeSynonyms.Default);

    private static readonly KnowledgeEntry[] Entries =
    [
        new() { Id = "template", Questions = ["提案模板在哪里下载？"], Answer = "提案模板可在区政协门户网站的“下载专区”下载。", Source = "test" },
        new() { Id = "royalty", Questions = ["文史资料投稿有稿酬吗？"], Answer = "文史资料稿件一经采用，按规定支付稿酬。", Source = "test" },
        new() { Id = "leave", Questions = ["全会请假要提前几天？"], Answer = "因故不能出席全体会议的，应提前三天向委员工作室书面请假。", Source = "test" },
        new() { Id = "study", Questions = ["集中学习多久一次？"], Answer = "区政协每月组织一次集中学习。", Source = "test" },
    ];

    [Theory]
    [InlineData("提案有没有模版可以下载", "template")]
    [InlineData("给文史资料投稿有稿费吗", "royalty")]
    public void A_question_in_an_everyday_synonym_is_surer_of_its_entry(string question, string entry)
    {
        using var index = new KnowledgeIndex(Entries, Analyzer);
        using var curatedOnly = new KnowledgeIndex(Entries, Analyzer, new KnowledgeRankingOptions { GeneralSynonyms = false });

        var widened = index.Search(question, KnowledgeAudience.Members, Today)[0];
        var narrow = curatedOnly.Search(question, KnowledgeAudience.Members, Today).Single(c => c.Entry.Id == entry);

        Assert.Equal(entry, widened.Entry.Id);
        Assert.True(widened.Confidence > narrow.Confidence + 0.05, $"{widened.Confidence:0.000} vs {narrow.Confidence:0.000}");
    }

    [Fact]
    public void Everyday_words_around_the_topic_weigh_less_than_a_topic_the_kb_lacks()
    {
        Assert.True(CommonWords.Share("比如", 8) < 0.8);
        Assert.True(CommonWords.Share("家里", 8) < 0.8);
        Assert.Equal(1, CommonWords.Share("侨房", 8));
        Assert.Equal(1, CommonWords.Share("比如", 0));
    }

    [Fact]
    public void A_long_everyday_question_stays_surer_of_its_entry_than_with_every_unknown_word_weighed_in_full()
    {
        const string question = "最近家里突然有事，下周全会去不了，请假要提前几天";
        using var index = new KnowledgeIndex(Entries, Analyzer);
        using var flat = new KnowledgeIndex(Entries, Analyzer, new KnowledgeRankingOptions { CommonWordIdf = 0 });

        var weighed = index.Search(question, KnowledgeAudience.Members, Today)[0];
        var inFull = flat.Search(question, KnowledgeAudience.Members, Today).Single(c => c.Entry.Id == "leave");

        Assert.Equal("leave", weighed.Entry.Id);
        Assert.True(weighed.Confidence > inFull.Confidence + 0.02, $"{weighed.Confidence:0.000} vs {inFull.Confidence:0.000}");
    }

    [Fact]
    public void Only_synonym_groups_of_whole_words_are_read()
    {
        var thesaurus = GeneralThesaurus.Parse(
        [
            "Bo15A05= 模板 沙盘 模版",
            "Hm01C04# 申诉 投诉",
            "Aa01A01@ 独自",
            "Hi18B01= 答复 回复 回 对",
            "Xx00A00= 一一 二二 三三 四四 五五 六六 七七 八八 九九 十十 甲甲 乙乙 丙丙",
        ]);

        Assert.Equal(["沙盘", "模版"], thesaurus.Of("模板"));
        Assert.Empty(thesaurus.Of("申诉"));
        Assert.Equal(["回复"], thesaurus.Of("答复"));
        Assert.Empty(thesaurus.Of("回"));
        Assert.Empty(thesaurus.Of("一一"));
    }
}
