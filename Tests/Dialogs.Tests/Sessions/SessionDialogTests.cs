using Cppcc.Dialogs.Root;
using Cppcc.Dialogs.Sessions;
using Cppcc.Dialogs.Tests.Framework;
using Cppcc.Dialogs.Tests.Support;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Tests.Sessions;

public class SessionDialogTests
{
    public sealed record Line(string User, string Reply);

    public static TheoryData<string, Line[], int> Scripts => new()
    {
        {
            "staff create a monthly study session step by step; a past time is asked again",
            new[]
            {
                new Line("安排学习", "请输入学习安排的标题"),
                new Line("学习贯彻全会精神", "类型"),
                new Line("1", "开始时间"),
                new Line("2020-01-01 10:00", "开始时间必须晚于现在"),
                new Line("2026-12-01 14:30", "地点"),
                new Line("区政协三楼会议室", "是否重复"),
                new Line("每月", "确认创建：集中学习“学习贯彻全会精神”，2026年12月1日（周二）14:30，区政协三楼会议室，每月"),
                new Line("创建", "编号 XX-2026-0001"),
            },
            1
        },
        {
            "cancel in the middle creates nothing",
            new[]
            {
                new Line("安排学习", "请输入学习安排的标题"),
                new Line("专题讲座", "类型"),
                new Line("取消", "已取消，没有保存任何内容"),
            },
            0
        },
        {
            "a start years ahead (a mistyped year) is asked again",
            new[]
            {
                new Line("安排学习", "请输入学习安排的标题"),
                new Line("学习贯彻全会精神", "类型"),
                new Line("1", "开始时间"),
                new Line("2099-12-31 23:00", "开始时间不能晚于 2 年之后"),
                new Line("取消", "已取消，没有保存任何内容"),
            },
            0
        },
        {
            "declining the confirmation creates nothing",
            new[]
            {
                new Line("new session", "请输入学习安排的标题"),
                new Line("季度辅导报告", "类型"),
                new Line("专题讲座", "开始时间"),
                new Line("12月3日 9点", "地点"),
                new Line("报告厅", "是否重复"),
                new Line("每季度", "确认创建：专题讲座“季度辅导报告”，2026年12月3日（周四）09:00，报告厅，每季度"),
                new Line("否", "没有创建学习安排"),
            },
            0
        },
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Session_dialog_follows_the_script(string scenario, Line[] script, int created)
    {
        var sessions = new FakeSessions();
        var host = Host(sessions, Role.Staff);

        TestFlow flow = host.Flow();
        foreach (var line in script)
        {
            flow = flow.Send(line.User).AssertReply(a => Assert.Contains(line.Reply, WaterfallDialogTests.ReplyText(a)));
        }

        await flow.StartTestAsync();

        Assert.True(created == sessions.Created.Count, scenario);
        if (created == 1)
        {
            var draft = sessions.Created[0].Draft;
            Assert.Equal(new DateTimeOffset(2026, 12, 1, 14, 30, 0, TimeSpan.FromHours(8)), draft.StartsAt);
            Assert.Equal(Recurrence.Monthly, draft.Recurrence);
            Assert.Equal("all", draft.Audience);
        }
    }

    [Fact]
    public async Task A_member_cannot_start_the_dialog_nor_submit_session_create()
    {
        var sessions = new FakeSessions();
        var host = Host(sessions, Role.Member);
        var submit = new Activity(ActivityTypes.Message)
        {
            Value = JObject.FromObject(new { action = "session.create", title = "t", startsAt = "2026-12-01T14:30:00+08:00", location = "x" }),
        };

        await host.Flow()
            .Send("安排学习").AssertReply(a => Assert.Contains("没有使用此功能的权限", a.AsMessageActivity().Text))
            .Send(submit).AssertReply(a => Assert.Contains("没有使用此功能的权限", a.AsMessageActivity().Text))
            .StartTestAsync();

        Assert.Empty(sessions.Created);
    }

    [Theory]
    [InlineData("{\"title\":\"\",\"startsAt\":\"2026-12-01T14:30:00+08:00\",\"location\":\"x\"}", "title")]
    [InlineData("{\"title\":\"t\",\"kind\":\"party\",\"startsAt\":\"2026-12-01T14:30:00+08:00\",\"location\":\"x\"}", "kind")]
    [InlineData("{\"title\":\"t\",\"startsAt\":\"someday\",\"location\":\"x\"}", "startsAt")]
    [InlineData("{\"title\":\"t\",\"startsAt\":\"2026-12-01T14:30:00+08:00\"}", "location")]
    [InlineData("{\"title\":\"t\",\"startsAt\":\"2026-12-01T14:30:00+08:00\",\"location\":\"x\",\"recurrence\":\"weekly\"}", "recurrence")]
    [InlineData("{\"title\":\"t\",\"startsAt\":\"2026-12-01T14:30:00+08:00\",\"location\":\"x\",\"audience\":\"无此组\"}", "audience")]
    public async Task Session_create_names_the_bad_field_and_stores_nothing(string fields, string field)
    {
        var sessions = new FakeSessions();
        var value = JObject.Parse(fields);
        value["action"] = "session.create";

        await Host(sessions, Role.Staff).Flow()
            .Send(new Activity(ActivityTypes.Message) { Value = value })
            .AssertReply(a => Assert.Contains("（" + field + "）", a.AsMessageActivity().Text))
            .StartTestAsync();

        Assert.Empty(sessions.Created);
    }

    [Theory]
    [InlineData("kind", "[\"study\"]")]
    [InlineData("recurrence", "{\"every\":\"month\"}")]
    [InlineData("audience", "[\"民盟\"]")]
    public async Task Session_create_refuses_a_list_or_object_where_a_defaulted_field_belongs(string field, string json)
    {
        // Read as missing, these would quietly become a study session, a one-off, or one for every member.
        var sessions = new FakeSessions();
        var value = JObject.Parse("{\"action\":\"session.create\",\"title\":\"t\",\"startsAt\":\"2026-12-01T14:30:00+08:00\",\"location\":\"x\"}");
        value[field] = JToken.Parse(json);

        await Host(sessions, Role.Staff).Flow()
            .Send(new Activity(ActivityTypes.Message) { Value = value })
            .AssertReply(a => Assert.Contains("字段 " + field + " 的内容无法识别", a.AsMessageActivity().Text))
            .StartTestAsync();

        Assert.Empty(sessions.Created);
    }

    [Theory]
    // Enum.Parse would OR the names together ("study, meeting" reads as meeting) and take numbers.
    [InlineData("\"kind\":\"study, meeting\"", "类型（kind）无效：可选值：study, lecture, meeting")]
    [InlineData("\"kind\":\"study,lecture\"", "类型（kind）无效")]
    [InlineData("\"kind\":\"2\"", "类型（kind）无效")]
    [InlineData("\"recurrence\":\"monthly, quarterly\"", "重复（recurrence）无效：可选值：none, monthly, quarterly")]
    [InlineData("\"recurrence\":\"1\"", "重复（recurrence）无效")]
    // A mistyped year would schedule (and, monthly, repeat) a session nobody will attend.
    [InlineData("\"startsAt\":\"9999-12-31T23:00:00+08:00\",\"recurrence\":\"monthly\"", "开始时间（startsAt）无效：开始时间不能晚于 2 年之后")]
    [InlineData("\"startsAt\":\"2028-11-28T10:00:00+08:00\"", "开始时间（startsAt）无效：开始时间不能晚于 2 年之后")]
    public async Task Session_create_refuses_values_the_contract_does_not_offer(string field, string expected)
    {
        var sessions = new FakeSessions();
        var value = JObject.Parse("{\"action\":\"session.create\",\"title\":\"t\",\"startsAt\":\"2026-12-01T14:30:00+08:00\",\"location\":\"x\"," + field + "}");

        await Host(sessions, Role.Staff).Flow()
            .Send(new Activity(ActivityTypes.Message) { Value = value })
            .AssertReply(a => Assert.Contains(expected, a.AsMessageActivity().Text))
            .StartTestAsync();

        Assert.Empty(sessions.Created);
    }

    [Fact]
    public async Task Session_create_takes_one_name_in_any_case_and_a_start_within_two_years()
    {
        var sessions = new FakeSessions();
        var value = JObject.FromObject(new
        {
            action = "session.create",
            title = "t",
            kind = "Meeting",
            startsAt = "2028-11-20T10:00:00+08:00",
            location = "x",
            recurrence = "QUARTERLY",
        });

        await Host(sessions, Role.Staff).Flow()
            .Send(new Activity(ActivityTypes.Message) { Value = value }).AssertReply(a => Assert.Contains("编号 XX-2026-0001", a.AsMessageActivity().Text))
            .Send("改期 XX-2026-0001 2099-12-31 10:00").AssertReply(a => Assert.Contains("开始时间不能晚于 2 年之后", a.AsMessageActivity().Text))
            .StartTestAsync();

        var draft = Assert.Single(sessions.Created).Draft;
        Assert.Equal((SessionKind.Meeting, Recurrence.Quarterly), (draft.Kind, draft.Recurrence));
    }

    [Fact]
    public async Task The_same_session_create_sent_twice_creates_one_session()
    {
        var sessions = new FakeSessions();
        Activity Submit(string startsAt) => new(ActivityTypes.Message)
        {
            Value = JObject.FromObject(new { action = "session.create", title = "集中学习", startsAt, location = "三楼会议室" }),
        };

        // A double click on the form (or the form sent again) would remind every member twice; the same title and place
        // at the same instant, written in another offset, is the same session.
        await Host(sessions, Role.Staff).Flow()
            .Send(Submit("2026-12-01T14:30:00+08:00")).AssertReply(a => Assert.Contains("编号 XX-2026-0001", a.AsMessageActivity().Text))
            .Send(Submit("2026-12-01T06:30:00Z")).AssertReply(a => Assert.Contains("已有相同的学习安排 XX-2026-0001", a.AsMessageActivity().Text))
            .Send(Submit("2026-12-02T14:30:00+08:00")).AssertReply(a => Assert.Contains("编号 XX-2026-0002", a.AsMessageActivity().Text))
            .StartTestAsync();

        Assert.Equal(2, sessions.Created.Count);
    }

    [Fact]
    public async Task Attendance_shows_every_name_as_typed_answered_or_not()
    {
        var session = new SessionView("XX-2026-0001", "学习", SessionKind.Study, DateTimeOffset.UtcNow, "x", Recurrence.None, "all", false);
        var sessions = new FakeSessions
        {
            AttendanceAnswer = new AttendanceView(session, [new RsvpView("[甲](https://evil.example)", "msteams:a", true, DateTimeOffset.UtcNow)], [])
            {
                NotReplied = [new NoReplyView("**乙**[点我](https://evil.example)", "msteams:b")],
            },
        };

        await Host(sessions, Role.Staff).Flow()
            .Send("出席情况 XX-2026-0001")
            .AssertReply(a =>
            {
                var text = a.AsMessageActivity().Text;
                Assert.Contains(@"\[甲\]", text);
                Assert.Contains(@"\*\*乙\*\*\[点我\]", text);
                Assert.DoesNotContain("](https://evil.example)", text);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Rsvp_buttons_store_the_answer()
    {
        var sessions = new FakeSessions();
        var host = Host(sessions, Role.Member);
        sessions.Create(new SessionDraft("学习", SessionKind.Study, DateTimeOffset.UtcNow.AddDays(1), "x", Recurrence.None, "all"), new Caller("msteams:k", "", Role.Staff));
        Activity Answer(string response) => new(ActivityTypes.Message)
        {
            Value = JObject.FromObject(new { action = "session.rsvp", sessionId = "XX-2026-0001", response }),
        };

        await host.Flow()
            .Send(Answer("absent")).AssertReply(a => Assert.Contains("请假", a.AsMessageActivity().Text))
            .Send(Answer("yes")).AssertReply(a => Assert.Contains("attend 或 absent", a.AsMessageActivity().Text))
            .StartTestAsync();

        Assert.False(Assert.Single(sessions.Answers).Attends);
    }

    [Theory]
    [InlineData("{\"action\":\"session.rsvp\",\"sessionId\":{\"x\":1},\"response\":[\"attend\"]}", "attend 或 absent")]
    [InlineData("{\"action\":\"session.rsvp\",\"sessionId\":{\"x\":1},\"response\":\"attend\"}", "不存在或已取消")]
    [InlineData("{\"action\":\"group.set\",\"name\":{\"x\":1},\"kind\":\"界别\",\"members\":\"a\"}", "分组名称（name）")]
    public async Task Oddly_typed_card_fields_get_a_clear_reply(string json, string expected)
    {
        var host = new DialogTestHost(configure: s => s.AddSingleton<ISessions>(new FakeSessions()).AddSessionConversations()
            .AddSingleton<Cppcc.Dialogs.Audiences.IGroups>(new NoGroups())
            .AddSingleton<ICardAction, Cppcc.Dialogs.Audiences.GroupSetAction>(), role: Role.Staff);

        await host.Flow()
            .Send(new Activity(ActivityTypes.Message) { Value = JObject.Parse(json) })
            .AssertReply(a => Assert.Contains(expected, a.AsMessageActivity().Text))
            .StartTestAsync();
    }

    private sealed class NoGroups : Cppcc.Dialogs.Audiences.IGroups
    {
        public IReadOnlyList<Cppcc.Dialogs.Audiences.GroupSummary> List() => [];

        public (Cppcc.Dialogs.Audiences.GroupSummary Group, IReadOnlyList<string> Unknown) Save(string name, string kind, IReadOnlyList<string> entries, string savedBy)
            => throw new InvalidOperationException("must not be saved");
    }

    private static DialogTestHost Host(FakeSessions sessions, Role role)
        => new(configure: s => s.AddSingleton<ISessions>(sessions).AddSessionConversations(), role: role);
}
