using Cppcc.Bot.Knowledge;
using Cppcc.Bot.Knowledge.Files;
using Cppcc.Bot.Knowledge.Retrieval;

namespace Cppcc.Bot.Tests.Knowledge;

/// <summary>
/// A word typed with a wrong character of the same sound, as a pinyin input method lets slip ("委员正" for 委员证), is
/// read as the knowledge base's word; what the user meant ("一次", "怎么养", "发不出去") is left as typed.
/// </summary>
public sealed class HomophoneSpellingTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly KnowledgeTextAnalyzer Analyzer = new(new SmartCnTokenizer(), KnowledgeSynonyms.Default);
    private readonly string _folder = Directory.CreateTempSubdirectory("cppcc-kb-").FullName;

    public HomophoneSpellingTests()
    {
        File.WriteAllText(Path.Combine(_folder, "kb.yaml"), """
            - id: member-card
              questions: [委员证遗失了如何补办？]
              answer: 委员证遗失的，本人写出书面说明，到区政协办公室补办，一般五个工作日内办好。
              audience: public
            - id: proposal-deadline
              questions: [提案什么时候截止？]
              answer: 大会提案在全会开幕前一周截止，平时提案全年都可以提交。
              audience: public
            - id: opinion-report
              questions: [怎样报送社情民意信息？]
              answer: 社情民意信息通过机器人的“报社情民意”按钮提交，一事一报，写明情况和建议。
              audience: public
            - id: liaison-station
              questions: [委员联络站设在哪里？]
              answer: 每个街道设有一个委员联络站，一般设在街道党群服务中心，每月开放一次。
              audience: public
            - id: speaking-order
              questions: [大会发言的顺序怎么定？]
              answer: 按报名先后依次发言，每人不超过八分钟，会后情况怎么样由秘书处汇总，名单在网站发布。
              audience: public
            """);
    }

    [Theory]
    [InlineData("委员正丢了怎么办", "member-card")]
    [InlineData("提按截止时间", "proposal-deadline")]
    [InlineData("社情明意怎么写", "opinion-report")]
    [InlineData("联落站在哪", "liaison-station")]
    public void A_homophone_slip_finds_the_entry_of_the_word_meant(string question, string expected)
    {
        using var index = Index();

        var match = KnowledgeMatcher.For(index, new KnowledgeOptions()).Decide(index.Search(question, KnowledgeAudience.Public, Today));

        Assert.Equal(KnowledgeMatchKind.Answer, match.Kind);
        Assert.Equal(expected, match.Best!.Id);
    }

    [Theory]
    [InlineData("委员正丢了怎么办", "委员证丢了怎么办")]
    [InlineData("提按截止时间", "提案截止时间")]
    [InlineData("社情明意怎么写", "社情民意怎么写")]
    [InlineData("委员联落站在哪", "委员联络站在哪")]
    // What the user meant stays: a pair the KB itself writes ("一次"), a negation ("发不" is not 发布), a KB word that is a
    // question word ("怎么样"), a word the segmenter knows.
    [InlineData("联络站多久开放一次", "联络站多久开放一次")]
    [InlineData("提案发不出去", "提案发不出去")]
    [InlineData("绿萝怎么养", "绿萝怎么养")]
    [InlineData("委员证遗失了如何补办", "委员证遗失了如何补办")]
    public void Only_a_slip_is_mended(string typed, string read)
    {
        var entries = KnowledgeFolderLoader.Load(_folder).Entries;
        // As the index builds it: the KB's words as segmented, and the synonyms' words (委员证 among them).
        var vocabulary = entries.SelectMany(e => Analyzer.Words(string.Join('\n', e.Questions.Append(e.Answer)))).Concat(Analyzer.Synonyms.Words)
            .Where(w => w.Length >= 2 && w.All(ChineseTextNormalizer.IsHan)).ToHashSet();
        var pairs = entries.SelectMany(e => PhraseGrams.OfText(ChineseTextNormalizer.Normalize(string.Join('\n', e.Questions.Append(e.Answer))))).ToHashSet();
        var spelling = new HomophoneSpelling(vocabulary, pairs.Contains);

        Assert.Equal(read, spelling.Mend(typed, Analyzer.Words(typed)));
    }

    private KnowledgeIndex Index() => new(KnowledgeFolderLoader.Load(_folder).Entries, Analyzer);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
