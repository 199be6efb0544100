using Cppcc.Bot.Knowledge;
using Cppcc.Bot.Knowledge.Retrieval;

namespace Cppcc.Bot.Tests.Knowledge;

/// <summary>
/// The public asked "提案怎么写" and got the passage on 提案监督: the entry that answers it is for members, so the best
/// entry the public may see was one that merely shares the word 提案. When a hidden entry fits clearly better, the
/// visible one is no answer: the public gets the honest no-answer, and nothing of the hidden entry.
/// </summary>
public class HiddenEntryTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly KnowledgeTextAnalyzer Analyzer = new(new SmartCnTokenizer(), KnowledgeSynonyms.Default);

    private static readonly KnowledgeEntry[] Entries =
    [
        new() { Id = "how", Questions = ["提案怎么写？"], Answer = "提案一事一案，包括案由、案据和建议三部分。", Source = "test", Audience = KnowledgeAudience.Members },
        new() { Id = "supervise", Questions = ["什么是提案监督？"], Answer = "提案监督是通过提案提出监督性意见，并跟踪承办单位的办理过程。", Source = "test", Audience = KnowledgeAudience.Public },
        new() { Id = "open-day", Questions = ["政协开放日怎么参加？"], Answer = "开放日每年举办两次，市民可在官网报名。", Source = "test", Audience = KnowledgeAudience.Public },
    ];

    // Loose enough that the visible entry would be answered on its own.
    private static readonly KnowledgeMatcher Matcher = new(AnswerThreshold: 0.2, LeaderThreshold: 0.2, LeaderGap: 0.1, SuggestThreshold: 0.1, CloseMargin: 0.03);

    [Fact]
    public void A_question_whose_answer_is_hidden_from_the_caller_gets_no_visible_near_miss_as_its_answer()
    {
        using var index = new KnowledgeIndex(Entries, Analyzer);
        var ranked = index.Search("提案怎么写", KnowledgeAudience.Public, Today);
        Assert.Equal(KnowledgeMatchKind.Answer, Matcher.Decide(ranked).Kind);

        var match = Matcher.Decide(ranked, () => index.BestHidden("提案怎么写", null, KnowledgeAudience.Public, Today));

        Assert.Equal(KnowledgeMatchKind.Suggest, match.Kind);
        Assert.DoesNotContain(match.Candidates, c => c.Entry.Id == "how");
    }

    [Fact]
    public void The_caller_who_may_see_the_entry_gets_it_and_a_question_about_a_visible_entry_is_still_answered()
    {
        using var index = new KnowledgeIndex(Entries, Analyzer);

        var member = Matcher.Decide(index.Search("提案怎么写", KnowledgeAudience.Members, Today),
            () => index.BestHidden("提案怎么写", null, KnowledgeAudience.Members, Today));
        var visitor = Matcher.Decide(index.Search("提案监督是什么", KnowledgeAudience.Public, Today),
            () => index.BestHidden("提案监督是什么", null, KnowledgeAudience.Public, Today));

        Assert.Equal(("how", KnowledgeMatchKind.Answer), (member.Best?.Id, member.Kind));
        Assert.Equal(("supervise", KnowledgeMatchKind.Answer), (visitor.Best?.Id, visitor.Kind));
    }
}
