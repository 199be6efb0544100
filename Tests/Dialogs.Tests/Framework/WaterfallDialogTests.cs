using Cppcc.Dialogs.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Tests.Framework;

/// <summary>Conversation scripts through the real root bot: each user line and the replies it must get.</summary>
public class WaterfallDialogTests
{
    public sealed record Line(string User, params string[] Replies);

    public static TheoryData<string, Line[], int> Scripts => new()
    {
        {
            "every prompt, with a re-prompt on a failed validation, then saved",
            new[]
            {
                new Line("资料", "请输入姓名"),
                new Line("张三", "请输入年龄"),
                new Line("１２", "年龄应在18到120之间"),
                new Line("45", "请选择界别"),
                new Line(" 工商联 ", "请输入见面时间"),
                new Line("明天 下午3点", "2026-11-28 15:00 +08:00"),
                new Line("是", "已保存"),
            },
            1
        },
        {
            "choice by number and a declined confirmation save nothing",
            new[]
            {
                new Line("资料", "请输入姓名"),
                new Line("李四", "请输入年龄"),
                new Line("30", "请选择界别"),
                new Line("2", "请输入见面时间"),
                new Line("2026年12月1日 14:30", "医卫，2026-12-01 14:30 +08:00"),
                new Line("否", "未保存"),
            },
            0
        },
        {
            "cancel in the middle saves nothing and the next text goes to the root again",
            new[]
            {
                new Line("资料", "请输入姓名"),
                new Line("王五", "请输入年龄"),
                new Line("取消", "已取消，没有保存任何内容"),
                // A bare number is no longer the age the cancelled dialog asked for.
                new Line("45", "没太明白您的意思"),
            },
            0
        },
        {
            "three wrong answers leave the dialog",
            new[]
            {
                new Line("资料", "请输入姓名"),
                new Line("赵六", "请输入年龄"),
                new Line("很多", "请输入一个数字"),
                new Line("不知道", "请输入一个数字"),
                new Line("abc", "尝试次数过多"),
                new Line("菜单", "主菜单"),
            },
            0
        },
        {
            "help inside a dialog explains and asks again, keeping the answers so far",
            new[]
            {
                new Line("资料", "请输入姓名"),
                new Line("帮助", "您正在进行一个流程", "请输入姓名"),
                new Line("孙七", "请输入年龄"),
            },
            0
        },
        {
            "menu inside a dialog leaves it without saving and shows the menu",
            new[]
            {
                new Line("资料", "请输入姓名"),
                new Line("菜单", "已退出当前流程", "主菜单"),
                new Line("周八", "知识库中暂时没有"),
            },
            0
        },
        {
            "an unparseable time is asked again with the expected format",
            new[]
            {
                new Line("资料", "请输入姓名"),
                new Line("吴九", "请输入年龄"),
                new Line("50", "请选择界别"),
                new Line("教育", "请输入见面时间"),
                new Line("下周吧", "2026-12-01 14:30"),
                new Line("2026-13-40 10:00", "2026-12-01 14:30"),
                new Line("12月3日 9点", "2026-12-03 09:00 +08:00"),
            },
            0
        },
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Profile_dialog_follows_the_script(string scenario, Line[] script, int expectedSaved)
    {
        var sink = new ProfileSink();
        var host = new DialogTestHost(configure: s => ProfileDialog.Register(s, sink));

        await Run(host.Flow(), script).StartTestAsync();

        Assert.True(expectedSaved == sink.Saved.Count, scenario);
    }

    [Fact]
    public async Task Card_submit_answers_the_prompt_it_names()
    {
        var sink = new ProfileSink();
        var host = new DialogTestHost(configure: s => ProfileDialog.Register(s, sink));
        var submit = new Activity(ActivityTypes.Message) { Value = JObject.FromObject(new { name = "卡片用户" }) };

        await host.Flow()
            .Send("资料").AssertReply(a => Assert.Contains("请输入姓名", Replies.Readable(a)))
            .Send(submit).AssertReply(a => Assert.Contains("请输入年龄", Replies.Readable(a)))
            .Send("40").AssertReply(a => Assert.Contains("请选择界别", Replies.Readable(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Choice_prompt_offers_its_choices_as_suggested_actions()
    {
        var host = new DialogTestHost(configure: s => ProfileDialog.Register(s, new ProfileSink()));

        await host.Flow()
            .Send("资料").AssertReply(_ => { })
            .Send("张三").AssertReply(_ => { })
            .Send("40").AssertReply(a =>
            {
                var titles = a.AsMessageActivity().SuggestedActions.Actions.Select(x => x.Title).ToArray();
                Assert.Equal(new[] { "教育", "医卫", "工商联" }, titles);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_restarted_bot_continues_the_dialog_at_the_same_step()
    {
        var storage = new MemoryStorage();
        var sink = new ProfileSink();
        var before = new DialogTestHost(storage, s => ProfileDialog.Register(s, sink));
        await before.Flow()
            .Send("资料").AssertReply(a => Assert.Contains("请输入姓名", Replies.Readable(a)))
            .Send("张三").AssertReply(a => Assert.Contains("请输入年龄", Replies.Readable(a)))
            .StartTestAsync();

        // A new process: new dialog definitions and bot, same storage.
        var after = new DialogTestHost(storage, s => ProfileDialog.Register(s, sink));
        await after.Flow()
            .Send("45").AssertReply(a => Assert.Contains("请选择界别", Replies.Readable(a)))
            .Send("教育").AssertReply(_ => { })
            .Send("2026-12-01T09:00:00+08:00").AssertReply(a => Assert.Contains("张三，45岁，教育", Replies.Readable(a)))
            .Send("好的").AssertReply(a => Assert.Contains("已保存", Replies.Readable(a)))
            .StartTestAsync();

        Assert.Equal("张三", Assert.Single(sink.Saved).Name);
    }

    [Fact]
    public async Task A_stack_naming_a_dialog_that_no_longer_exists_is_reset_politely()
    {
        var storage = new MemoryStorage();
        var before = new DialogTestHost(storage, s => ProfileDialog.Register(s, new ProfileSink()));
        await before.Flow().Send("资料").AssertReply(_ => { }).StartTestAsync();

        var withoutTheDialog = new DialogTestHost(storage);
        await withoutTheDialog.Flow()
            .Send("45").AssertReply(a => Assert.Contains("之前的对话已失效", Replies.Readable(a)))
            .Send("集中学习多久一次").AssertReply(a => Assert.Contains("每月组织一次集中学习", Replies.Readable(a)))
            .StartTestAsync();
    }

    private static TestFlow Run(TestFlow flow, IEnumerable<Line> script)
    {
        foreach (var line in script)
        {
            flow = flow.Send(line.User);
            foreach (var expected in line.Replies)
            {
                flow = flow.AssertReply(a => Assert.Contains(expected, ReplyText(a)));
            }
        }

        return flow;
    }

    /// <summary>Text of a reply, including the text of an Adaptive Card so card replies can be asserted too.</summary>
    public static string ReplyText(IActivity activity)
    {
        var message = activity.AsMessageActivity();
        var cards = message.Attachments?.Select(a => JToken.FromObject(a.Content).ToString()) ?? Enumerable.Empty<string>();
        return string.Join("\n", new[] { message.Text ?? "" }.Concat(cards));
    }
}
