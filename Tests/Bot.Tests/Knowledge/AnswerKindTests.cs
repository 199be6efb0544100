using Cppcc.Bot.Knowledge;
using Cppcc.Bot.Knowledge.Files;
using Cppcc.Bot.Knowledge.Retrieval;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.Knowledge;

/// <summary>
/// The question words dropped from the query still say what kind of fact is wanted: "多久" wants a length of time, so an
/// entry on the topic whose answer gives none is a weaker match, and is offered rather than answered.
/// </summary>
public class AnswerKindTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly KnowledgeTextAnalyzer Analyzer = new(new SmartCnTokenizer(), KnowledgeSynonyms.Default);

    [Theory]
    [InlineData("提案多久能得到答复", AnswerKind.Duration)]
    [InlineData("区政协一届任期几年", AnswerKind.Duration)]
    [InlineData("一件提案能写几个问题", AnswerKind.Amount)]
    [InlineData("大会提案什么时候截止", AnswerKind.Moment)]
    [InlineData("区政协是哪一年成立的", AnswerKind.Moment)]
    [InlineData("什么是政协提案", AnswerKind.Definition)]
    [InlineData("政协提案的定义是什么", AnswerKind.Definition)]
    [InlineData("社情民意信息是啥", AnswerKind.Definition)]
    [InlineData("提案的格式是什么", AnswerKind.None)]
    [InlineData("提案怎么写", AnswerKind.None)]
    [InlineData("被采用的信息能加几分", AnswerKind.Amount | AnswerKind.Points)]
    [InlineData("社情民意最多写多少字", AnswerKind.Amount | AnswerKind.Characters)]
    [InlineData("稿费一千字多少钱", AnswerKind.Amount | AnswerKind.Money)]
    [InlineData("联络站一年开放几次", AnswerKind.Amount | AnswerKind.Times)]
    [InlineData("讲座要讲几分钟", AnswerKind.Amount)]
    public void The_question_words_name_the_kind_of_fact_asked_for(string question, AnswerKind expected)
        => Assert.Equal(expected, AnswerKinds.AskedBy(ChineseTextNormalizer.Normalize(question)));

    [Theory]
    [InlineData("承办单位一般应在收到提案之日起三个月内办结并答复。", AnswerKind.Duration)]
    [InlineData("每届任期 5 年。", AnswerKind.Duration)]
    [InlineData("每件提案只写一个问题，联名不超过 10 人。", AnswerKind.Amount)]
    [InlineData("截止时间以大会秘书处的通知为准。", AnswerKind.Moment)]
    [InlineData("政协提案是委员向全体会议提出的书面意见和建议。", AnswerKind.Definition)]
    [InlineData("评价不满意的，可以要求重新办理。", AnswerKind.None)]
    [InlineData("被区政协采用的，每篇加 2 分。", AnswerKind.Points)]
    [InlineData("篇幅一般在一千五百字以内。", AnswerKind.Characters)]
    [InlineData("每年至少组织四次集体活动。", AnswerKind.Times)]
    public void An_answer_holds_the_kinds_of_fact_it_states(string answer, AnswerKind kind)
    {
        var held = AnswerKinds.HeldBy(ChineseTextNormalizer.Normalize(answer));

        Assert.Equal(kind == AnswerKind.None, held == AnswerKind.None);
        Assert.True(held.HasFlag(kind));
    }

    [Theory]
    [InlineData("篇幅一般在一千五百字以内。", AnswerKind.Points)]
    [InlineData("被区政协采用的，每篇加 2 分。", AnswerKind.Characters)]
    [InlineData("每次学习不少于两小时。", AnswerKind.Points)]
    public void An_amount_in_another_measure_does_not_answer_the_measure_asked_for(string answer, AnswerKind asked)
        => Assert.False(AnswerKinds.HeldBy(ChineseTextNormalizer.Normalize(answer)).HasFlag(asked));

    [Fact]
    public void An_entry_whose_answer_lacks_the_kind_of_fact_asked_for_loses_confidence_and_the_one_holding_it_does_not()
    {
        KnowledgeEntry[] entries =
        [
            Entry("proposal-appeal", "对提案答复不满意怎么办？", "提案者收到答复后可以评价办理结果；评价不满意的，可以要求承办单位重新办理并再次答复。"),
            Entry("proposal-time", "提案交办后要办多长时间？", "承办单位要在收到提案后三个月内办结，并书面答复提案者。"),
            Entry("study", "集中学习多久组织一次？", "区政协每月组织一次集中学习。"),
        ];
        AssertPenalized(entries, "提案多久能得到答复", penalized: "proposal-appeal", kept: "proposal-time");
    }

    [Fact]
    public void A_KB_written_outside_the_team_no_longer_answers_how_long_with_how_to_appeal()
    {
        // The short FAQ's entry on appeals shares "提案" and "答复" with the question; the entry that gives the three months
        // does not. By words alone the appeal entry was the answer.
        var entries = KnowledgeFolderLoader.Load(Path.Combine(BotFactory.RepositoryRoot, "Tests", "Benchmarks", "Knowledge", "kbs", "faq-short"), f => f == "faq.yaml").Entries;
        using var index = new KnowledgeIndex(entries, Analyzer);

        var match = KnowledgeMatcher.For(index, new KnowledgeOptions()).Decide(index.Search("提案多久能得到答复", KnowledgeAudience.Members, Today));

        Assert.False(match.Kind == KnowledgeMatchKind.Answer && match.Best!.Id == "proposal-satisfaction", $"{match.Kind} {match.Best?.Id}");
        Assert.Contains(match.Candidates, c => c.Entry.Id == "proposal-handling-time");
    }

    [Fact]
    public void A_what_is_question_goes_to_the_passage_that_defines_the_thing_not_to_one_that_merely_names_it()
    {
        // A heading "谁可以提提案" is all "提案"; "提案的定义和作用" also says "作用". By words alone the first is closer.
        KnowledgeEntry[] entries =
        [
            Passage("who", "谁可以提提案", "委员可以个人名义提出提案，也可以联名提出；参加单位可以单位名义提出提案。"),
            Passage("what", "提案的定义和作用", "政协提案是委员和参加单位向全体会议或常委会提出、经审查立案后交承办单位办理的书面意见和建议。"),
            Passage("how", "提案的写法", "每件提案包括案由、案据和办法三部分，一事一案。"),
        ];
        using var index = new KnowledgeIndex(entries, Analyzer);
        using var blind = new KnowledgeIndex(entries, Analyzer, new KnowledgeRankingOptions { AnswerKindPenalty = 0 });

        Assert.Equal("what", index.Search("什么是提案", KnowledgeAudience.Members, Today)[0].Entry.Id);
        Assert.Equal("who", blind.Search("什么是提案", KnowledgeAudience.Members, Today)[0].Entry.Id);
    }

    [Fact]
    public void How_many_points_is_not_answered_with_how_many_characters()
    {
        // Both passages speak of 社情民意 being adopted and both give a number; only one gives points.
        KnowledgeEntry[] entries =
        [
            Passage("format", "社情民意信息的写法", "社情民意信息一事一报，篇幅一般在一千五百字以内，被采用的要写明来源。"),
            Passage("points", "履职积分", "委员参加会议、提交提案和报送信息都计入积分，信息被区政协采用的每篇加 2 分。"),
            Passage("study", "学习制度", "区政协每月组织一次集中学习。"),
        ];
        AssertPenalized(entries, "社情民意信息被采用能加几分", penalized: "format", kept: "points");
    }

    /// <summary>
    /// Against the same index built with no answer-kind penalty: <paramref name="penalized"/> loses exactly the penalty,
    /// <paramref name="kept"/> nothing.
    /// </summary>
    private static void AssertPenalized(KnowledgeEntry[] entries, string question, string penalized, string kept)
    {
        using var index = new KnowledgeIndex(entries, Analyzer);
        using var blind = new KnowledgeIndex(entries, Analyzer, new KnowledgeRankingOptions { AnswerKindPenalty = 0 });

        var kinds = index.Search(question, KnowledgeAudience.Members, Today).ToDictionary(c => c.Entry.Id, c => c.Confidence);
        var words = blind.Search(question, KnowledgeAudience.Members, Today).ToDictionary(c => c.Entry.Id, c => c.Confidence);

        Assert.Equal(words[penalized] * (1 - new KnowledgeRankingOptions().AnswerKindPenalty), kinds[penalized], 6);
        Assert.Equal(words[kept], kinds[kept], 6);
    }

    private static KnowledgeEntry Passage(string id, string heading, string text)
        => new() { Id = id, Questions = [heading], Heading = heading, Answer = text, Source = "提案工作规则" };

    private static KnowledgeEntry Entry(string id, string question, string answer)
        => new() { Id = id, Questions = [question], Answer = answer, Source = "test" };
}
