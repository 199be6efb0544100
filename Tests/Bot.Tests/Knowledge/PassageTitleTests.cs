using Cppcc.Bot.Knowledge;
using Cppcc.Bot.Knowledge.Files;
using Cppcc.Bot.Knowledge.Retrieval;

namespace Cppcc.Bot.Tests.Knowledge;

/// <summary>
/// A passage's heading is read with its document's title: "写作格式" in a document titled "社情民意信息工作办法" is the
/// writing format of 社情民意信息, as a reader takes it, not a passage that merely does not name its topic.
/// </summary>
public sealed class PassageTitleTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly KnowledgeTextAnalyzer Analyzer = new(new SmartCnTokenizer(), KnowledgeSynonyms.Default);
    private readonly string _folder = Directory.CreateTempSubdirectory("cppcc-kb-").FullName;

    public PassageTitleTests()
    {
        File.WriteAllText(Path.Combine(_folder, "sheqing.md"), """
            ---
            title: 社情民意信息工作办法
            audience: public
            ---

            ## 社情民意信息的含义

            社情民意信息是委员和参加单位反映的社会情况和群众意见，是政协履行职能的一种方式，报送给党委和政府作决策参考。

            ## 写作格式

            每篇一般由标题、情况、问题和建议组成，篇幅以一千字以内为宜，一事一报，标题要点明所反映的问题。

            ## 审核和退回

            信息由政协办公室审核，内容不实或不宜报送的退回报送人并说明理由。
            """);
        File.WriteAllText(Path.Combine(_folder, "proposal.md"), """
            ---
            title: 提案工作规则
            audience: public
            ---

            ## 提案的写法

            每件提案包括案由、案据和办法三部分，一事一案，文字简明扼要。

            ## 审查立案

            提案委员会在收到提案后十五日内审查，决定是否立案。
            """);
    }

    [Theory]
    [InlineData("社情民意信息怎么写，格式有什么要求", "sheqing#写作格式")]
    [InlineData("社情民意信息由谁审核", "sheqing#审核和退回")]
    public void A_question_naming_the_documents_topic_finds_the_passage_under_a_heading_that_does_not(string question, string expected)
    {
        using var index = new KnowledgeIndex(KnowledgeFolderLoader.Load(_folder).Entries, Analyzer);

        var ranked = index.Search(question, KnowledgeAudience.Public, Today);

        Assert.Equal(expected, ranked[0].Entry.Id);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
