using Cppcc.Dialogs.Root;
using Cppcc.Dialogs.Tests.Framework;
using Cppcc.Dialogs.Tests.Support;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Tests.Root;

public class RootBehaviourTests
{
    [Theory]
    [InlineData(Role.Public, new string[0], new[] { "填写资料", "员工专用" })]
    [InlineData(Role.Member, new[] { "填写资料" }, new[] { "员工专用" })]
    [InlineData(Role.Staff, new[] { "填写资料", "员工专用" }, new string[0])]
    public async Task Menu_shows_only_what_the_role_may_use(Role role, string[] shown, string[] hidden)
    {
        var host = new DialogTestHost(configure: s => ProfileDialog.Register(s, new ProfileSink()), role: role);

        await host.Flow().Send("菜单").AssertReply(a =>
        {
            var text = WaterfallDialogTests.ReplyText(a);
            Assert.Contains("主菜单", text);
            Assert.All(shown, s => Assert.Contains(s, text));
            Assert.All(hidden, h => Assert.DoesNotContain(h, text));
        }).StartTestAsync();
    }

    [Fact]
    public async Task A_command_above_the_callers_role_is_refused()
    {
        var sink = new ProfileSink();
        var host = new DialogTestHost(configure: s => ProfileDialog.Register(s, sink), role: Role.Public);

        await host.Flow().Send("资料").AssertReply(a => Assert.Contains("没有使用此功能的权限", Replies.Readable(a))).StartTestAsync();
    }

    [Fact]
    public async Task A_question_that_starts_with_a_command_word_above_the_role_is_answered_as_a_question()
    {
        var host = new DialogTestHost(configure: s => s.AddSingleton<ITextCommand>(
            new StartDialogCommand(ProfileDialog.Id_, new[] { "改期" }, Role.Staff, null, takesArguments: true)), role: Role.Member);

        await host.Flow()
            .Send("改期学习怎么安排").AssertReply(a => Assert.Contains("每月组织一次集中学习", Replies.Readable(a)))
            .Send("改期").AssertReply(a => Assert.Contains("没有使用此功能的权限", Replies.Readable(a)))
            .Send("改期 XX-2026-0001 明天 15:00").AssertReply(a => Assert.Contains("没有使用此功能的权限", Replies.Readable(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Menu_buttons_run_their_command()
    {
        var host = new DialogTestHost(configure: s => ProfileDialog.Register(s, new ProfileSink()));
        var click = new Activity(ActivityTypes.Message) { Value = new JObject { ["action"] = MenuCard.MenuAction, ["command"] = "资料" } };

        await host.Flow().Send(click).AssertReply(a => Assert.Contains("请输入姓名", Replies.Readable(a))).StartTestAsync();
    }

    [Fact]
    public async Task Free_text_goes_to_the_knowledge_base_with_its_answer()
    {
        var host = new DialogTestHost();

        await host.Flow()
            .Send("集中学习 多久一次？").AssertReply(a =>
            {
                Assert.Contains("每月组织一次集中学习", Replies.Readable(a));
                Assert.Contains("来源：区政协年度工作思路", Replies.Readable(a));
            })
            .Send("今天天气怎么样").AssertReply(a => Assert.Contains("知识库中暂时没有", Replies.Readable(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task An_empty_message_gets_a_hint_instead_of_silence()
    {
        var host = new DialogTestHost();

        await host.Flow().Send("   ").AssertReply(a => Assert.Contains("我只能读懂文字消息", Replies.Readable(a))).StartTestAsync();

        Assert.Empty(host.Knowledge.Asked);
    }

    [Fact]
    public async Task English_locale_alone_keeps_Chinese_until_the_user_chooses_English()
    {
        var host = new DialogTestHost();

        await host.Flow(locale: "en-US")
            .Send("menu").AssertReply(a => Assert.Contains("主菜单", WaterfallDialogTests.ReplyText(a)))
            .Send("English").AssertReply(a => Assert.Contains("Switched to English", Replies.Readable(a)))
            .Send("menu").AssertReply(a => Assert.Contains("Main menu", WaterfallDialogTests.ReplyText(a)))
            .Send("cancel").AssertReply(a => Assert.Contains("nothing to cancel", Replies.Readable(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Bot_added_to_a_conversation_sends_one_welcome_card_and_remembers_the_installer()
    {
        var host = new DialogTestHost();
        var adapter = new TestAdapter(TestAdapter.CreateConversation("conv-w", "user-1", "bot"));
        var update = new Activity(ActivityTypes.ConversationUpdate)
        {
            MembersAdded = new List<ChannelAccount> { new("bot", "bot"), new("user-1", "user") },
        };

        await new TestFlow(adapter, host.Bot)
            .Send(update).AssertReply(a => Assert.Contains("欢迎使用区政协委员助手", WaterfallDialogTests.ReplyText(a)))
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal("conv-w", Assert.Single(host.References.Remembered).Reference.Conversation.Id);
    }

    [Fact]
    public async Task In_a_Teams_group_chat_the_bot_answers_only_when_mentioned()
    {
        var host = new DialogTestHost();
        var conversation = TestAdapter.CreateConversation("group-1", "user-1", "bot");
        conversation.ChannelId = "msteams";
        conversation.Conversation.ConversationType = "groupChat";
        var adapter = new TestAdapter(conversation);
        var mentioned = new Activity(ActivityTypes.Message) { Text = "<at>委员助手</at> 菜单" };
        mentioned.Entities = new List<Entity>
        {
            new Mention { Mentioned = new ChannelAccount("bot", "委员助手"), Text = "<at>委员助手</at>", Type = "mention" },
        };

        await new TestFlow(adapter, host.Bot)
            .Send("菜单").AssertNoReply()
            .Send(mentioned).AssertReply(a => Assert.Contains("主菜单", WaterfallDialogTests.ReplyText(a)))
            .StartTestAsync();

        Assert.Empty(host.Knowledge.Asked);
    }
}
