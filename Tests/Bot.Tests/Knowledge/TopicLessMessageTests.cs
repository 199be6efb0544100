using Cppcc.Bot.Knowledge;
using Cppcc.Bot.Knowledge.Files;
using Cppcc.Bot.Knowledge.Retrieval;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.Knowledge;

/// <summary>
/// A message of question words and particles alone ("对", "是吗", "为什么") names no topic. It used to be searched by
/// those words, and its one character "covered" any passage that happened to contain it ("对" got a did-you-mean list
/// of passages that say 对, "然后呢" the passage that says 然后). It now finds nothing, so it gets the honest no-answer.
/// </summary>
public class TopicLessMessageTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly KnowledgeTextAnalyzer Analyzer = new(new SmartCnTokenizer(), KnowledgeSynonyms.Default);

    [Theory]
    [InlineData("kb")]
    [InlineData("Tests/Benchmarks/Knowledge/kbs/docs-dev2")]
    public void A_message_without_a_topic_word_finds_nothing(string folder)
    {
        var entries = KnowledgeFolderLoader.Load(Path.Combine(BotFactory.RepositoryRoot, folder), f => !f.EndsWith("questions.yaml", StringComparison.Ordinal)).Entries;
        using var index = new KnowledgeIndex(entries, Analyzer);

        foreach (var message in new[] { "对", "是吗", "为什么", "可以吗", "怎么办？", "是不是", "然后呢" })
        {
            Assert.True(index.Search(message, KnowledgeAudience.Staff, Today).Count == 0, message);
        }

        Assert.NotEmpty(index.Search("专委会怎么设置", KnowledgeAudience.Staff, Today));
    }
}
