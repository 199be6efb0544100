using Cppcc.Dialogs.Knowledge;
using Cppcc.Dialogs.Root;
using Cppcc.Dialogs.Tests.Support;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Tests.Knowledge;

public class KnowledgeDialogTests
{
    private static DialogTestHost Host(Role role = Role.Member) => new(role: role);

    private static JArray Actions(IActivity reply) => (JArray)((JObject)reply.AsMessageActivity().Attachments[0].Content)["actions"]!;

    private static IActivity Click(JObject value) => new Activity(ActivityTypes.Message) { Value = value };

    [Fact]
    public async Task Close_candidates_are_offered_as_buttons_instead_of_a_guess()
    {
        var host = Host();
        host.Knowledge.Results["积分"] = new KnowledgeResult(KnowledgeResultKind.Choose, null,
            [new KnowledgeLink("assess-points", "履职积分怎么计算？"), new KnowledgeLink("assess-own", "怎么查我自己的履职积分？")]);

        await host.Flow().Send("积分").AssertReply(a =>
        {
            Assert.Contains("请选择", Replies.Readable(a));
            var actions = Actions(a);
            Assert.Equal(["履职积分怎么计算？", "怎么查我自己的履职积分？"], actions.Select(b => (string?)b["title"]));
            Assert.Equal("kb.show", (string?)actions[0]["data"]!["action"]);
        }).StartTestAsync();
        Assert.Empty(host.Inbox.Unanswered);
    }

    [Fact]
    public async Task No_answer_is_logged_and_offers_the_hand_off_which_passes_the_question_on()
    {
        var host = Host(Role.Public);
        JObject? handOff = null;

        await host.Flow()
            .Send("政协大楼开放参观吗").AssertReply(a =>
            {
                Assert.Contains("知识库中暂时没有", Replies.Readable(a));
                handOff = (JObject)Actions(a).Single()["data"]!;
            })
            .StartTestAsync();
        await host.Flow().Send(Click(handOff!)).AssertReply(a => Assert.Contains("已转交工作人员（编号 KB-1）", Replies.Readable(a))).StartTestAsync();

        Assert.Equal([("政协大楼开放参观吗", Role.Public)], host.Inbox.Unanswered);
        Assert.Equal("政协大楼开放参观吗", Assert.Single(host.Inbox.HandedOff).Question);
    }

    [Fact]
    public async Task Suggestions_say_there_is_no_answer_and_still_offer_staff()
    {
        var host = Host();
        host.Knowledge.Results["开会"] = new KnowledgeResult(KnowledgeResultKind.Suggest, null, [new KnowledgeLink("assess-attendance", "缺席会议会影响考核吗？")]);

        await host.Flow().Send("开会迟到扣钱吗").AssertReply(a =>
        {
            Assert.Contains("没有这个问题的可靠答案", Replies.Readable(a));
            Assert.Equal(["缺席会议会影响考核吗？", "转交工作人员"], Actions(a).Select(b => (string?)b["title"]));
        }).StartTestAsync();
        Assert.Single(host.Inbox.Unanswered);
    }

    [Fact]
    public async Task Not_helpful_feedback_is_stored_and_offers_the_hand_off()
    {
        var host = Host();

        await host.Flow()
            .Send(Click(new JObject { ["action"] = "kb.feedback", ["id"] = "study-monthly", ["helpful"] = "false", ["question"] = "学习多久一次" }))
            .AssertReply(a =>
            {
                Assert.Contains("我们会改进", Replies.Readable(a));
                Assert.Equal("kb.handoff", (string?)Actions(a).Single()["data"]!["action"]);
            })
            .StartTestAsync();
        Assert.Equal([("study-monthly", false, "test:user-1")], host.Inbox.Feedback);
    }

    [Fact]
    public async Task Feedback_on_an_entry_the_caller_cannot_see_is_not_counted()
    {
        var host = Host(Role.Public);

        await host.Flow()
            .Send(Click(new JObject { ["action"] = "kb.feedback", ["id"] = "study-monthly", ["helpful"] = "true" }))
            .AssertReply(a => Assert.Contains("按钮已失效", Replies.Readable(a)))
            .StartTestAsync();
        Assert.Empty(host.Inbox.Feedback);
    }

    [Theory]
    [InlineData("", "请先填写答复内容")]
    [InlineData("已安排。", "答复已发送给提问人（编号 KB-1）")]
    public async Task Staff_replies_need_an_answer(string answer, string expected)
    {
        var host = Host(Role.Staff);

        await host.Flow()
            .Send(Click(new JObject { ["action"] = "kb.reply", ["ticket"] = "KB-1", ["answer"] = answer }))
            .AssertReply(a => Assert.Contains(expected, Replies.Readable(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task The_two_questions_after_an_answer_are_asked_as_its_follow_ups_and_the_third_is_not()
    {
        var host = Host();

        await host.Flow()
            .Send("集中学习多久一次").AssertReply(a => Assert.Contains("每月组织一次集中学习", Replies.Readable(a)))
            .Send("那要请假呢").AssertReply(a => Assert.Contains("知识库中暂时没有", Replies.Readable(a)))
            .Send("找谁").AssertReply(a => Assert.Contains("知识库中暂时没有", Replies.Readable(a)))
            .Send("几点").AssertReply(a => Assert.Contains("知识库中暂时没有", Replies.Readable(a)))
            .StartTestAsync();

        Assert.Equal([null, "study-monthly", "study-monthly", null], host.Knowledge.AskedAfter);
    }

    [Fact]
    public async Task A_new_answer_or_a_picked_candidate_becomes_what_follow_ups_refer_to()
    {
        var host = Host();
        host.Knowledge.Entries["assess-points"] = (new KnowledgeAnswer("assess-points", "按积分细则计算。", "区政协办公室", null), Role.Member);
        host.Knowledge.Results["积分"] = new KnowledgeResult(KnowledgeResultKind.Choose, null,
            [new KnowledgeLink("assess-points", "履职积分怎么计算？"), new KnowledgeLink("assess-own", "怎么查我自己的履职积分？")]);

        await host.Flow()
            .Send("集中学习多久一次").AssertReply(_ => { })
            .Send("积分呢").AssertReply(a => Assert.Contains("请选择", Replies.Readable(a)))
            .Send(Click(new JObject { ["action"] = "kb.show", ["id"] = "assess-points", ["question"] = "积分呢" }))
            .AssertReply(a => Assert.Contains("按积分细则计算", Replies.Readable(a)))
            .Send("怎么查").AssertReply(_ => { })
            .StartTestAsync();

        Assert.Equal([null, "study-monthly", "assess-points"], host.Knowledge.AskedAfter);
    }

    [Fact]
    public async Task The_staff_command_without_a_verb_lists_what_it_can_do()
    {
        await Host(Role.Staff).Flow().Send("知识库").AssertReply(a => Assert.Contains("知识库 未解答", Replies.Readable(a))).StartTestAsync();
    }

    [Fact]
    public async Task A_hand_off_that_reached_no_staff_member_says_so_instead_of_passed_on()
    {
        var host = Host();
        host.Inbox.StaffReachable = false;

        await host.Flow()
            .Send(Click(new JObject { ["action"] = "kb.handoff", ["question"] = "政协大楼开放参观吗" }))
            .AssertReply(a =>
            {
                Assert.Contains("目前没有工作人员在线接收，问题已记录（编号 KB-1）", a.AsMessageActivity().Text);
                Assert.DoesNotContain("已转交", a.AsMessageActivity().Text);
            })
            .StartTestAsync();
    }
}
