using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.Root;
using Cppcc.Dialogs.Tests.Support;

namespace Cppcc.Dialogs.Tests.Reports;

/// <summary>The report and suggestion dialogs as conversation scripts (limits: title 20, body 60 characters).</summary>
public class FilingDialogTests
{
    public sealed record Line(string User, params string[] Replies);

    public static TheoryData<string, Role, Line[], int> Scripts => new()
    {
        {
            "a member files a report: every question, the summary, confirmed",
            Role.Member,
            new[]
            {
                new Line("社情民意", "请选择信息类别"),
                new Line("教育", "请输入标题（案由）"),
                new Line("学校门口拥堵", "请介绍基本情况"),
                new Line("早晚高峰车辆占道。", "请写出问题分析"),
                new Line("缺少停车位。", "请提出意见建议"),
                new Line("设临时停车区。", "涉及的地点"),
                new Line("无", "请核对提交内容", "确认提交吗"),
                new Line("是", "已提交，编号 SQ-2026-000001"),
            },
            1
        },
        {
            "a category not in the list and an over-long title are asked again, naming the field",
            Role.Member,
            new[]
            {
                new Line("社情民意", "请选择信息类别"),
                new Line("体育", "请点击下面的选项之一"),
                new Line("2", "请输入标题（案由）"),
                new Line(new string('长', 21), "标题（案由）共 21 字，超过 20 字的上限"),
                new Line("道路破损", "请介绍基本情况"),
            },
            0
        },
        {
            "a body over the limit in total is rejected, not cut, and asked again keeping category and title",
            Role.Member,
            new[]
            {
                new Line("社情民意", "请选择信息类别"),
                new Line("教育", "请输入标题（案由）"),
                new Line("学校门口拥堵", "请介绍基本情况"),
                new Line(new string('情', 30), "请写出问题分析"),
                new Line(new string('析', 30), "请提出意见建议"),
                new Line(new string('议', 10), "涉及的地点"),
                new Line("无", "合计 70 字，超过 60 字的上限", "请介绍基本情况"),
                new Line("短一些。", "请写出问题分析"),
                new Line("分析。", "请提出意见建议"),
                new Line("建议。", "涉及的地点"),
                new Line("实验小学", "类别：教育", "确认提交吗"),
                new Line("是", "已提交"),
            },
            1
        },
        {
            "declining at the confirmation stores nothing",
            Role.Member,
            new[]
            {
                new Line("社情民意", "请选择信息类别"),
                new Line("教育", "请输入标题"),
                new Line("标题", "基本情况"),
                new Line("情况", "问题分析"),
                new Line("分析", "意见建议"),
                new Line("建议", "地点"),
                new Line("无", "请核对提交内容", "确认提交吗"),
                new Line("否", "已取消提交，没有保存任何内容"),
            },
            0
        },
        {
            "cancel in the middle stores nothing",
            Role.Member,
            new[]
            {
                new Line("社情民意", "请选择信息类别"),
                new Line("教育", "请输入标题"),
                new Line("取消", "已取消，没有保存任何内容"),
            },
            0
        },
        {
            "the public may not start the member report dialog",
            Role.Public,
            new[] { new Line("社情民意", "没有使用此功能的权限") },
            0
        },
        {
            "a public suggestion with contact: a bad phone is asked again, then filed with an access code",
            Role.Public,
            new[]
            {
                new Line("建议", "请选择信息类别"),
                new Line("城乡建设", "请输入标题"),
                new Line("路灯不亮", "请写下您的建议"),
                new Line("和平路路灯坏了，请修复。", "涉及的地点"),
                new Line("和平路", "是否匿名提交"),
                new Line("否", "请留下您的称呼"),
                new Line("陈先生", "请留下联系电话"),
                new Line("12345", "联系电话请填写有效的手机号"),
                new Line("010-62345678", "联系电话：010-62345678", "确认提交吗"),
                new Line("是", "编号 JY-2026-000001，查询码 ABCD2345"),
            },
            1
        },
        {
            "an anonymous public suggestion skips the contact questions",
            Role.Public,
            new[]
            {
                new Line("建议", "请选择信息类别"),
                new Line("其他", "请输入标题"),
                new Line("公园开放时间", "请写下您的建议"),
                new Line("希望延长开放时间。", "涉及的地点"),
                new Line("跳过", "是否匿名提交"),
                new Line("是", "是否匿名：匿名", "确认提交吗"),
                new Line("是", "JY-2026-000001"),
            },
            1
        },
        {
            "a member's suggestion asks neither anonymity nor contact",
            Role.Member,
            new[]
            {
                new Line("建议", "请选择信息类别"),
                new Line("其他", "请输入标题"),
                new Line("公园开放时间", "请写下您的建议"),
                new Line("希望延长开放时间。", "涉及的地点"),
                new Line("无", "请核对提交内容", "确认提交吗"),
                new Line("是", "JY-2026-000001"),
            },
            1
        },
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Filing_dialogs_follow_the_script(string scenario, Role role, Line[] script, int expectedFiled)
    {
        var reports = new FakeReports();
        var host = new DialogTestHost(configure: reports.Register, role: role);

        var flow = host.Flow();
        foreach (var line in script)
        {
            flow = flow.Send(line.User);
            foreach (var expected in line.Replies)
            {
                flow = flow.AssertReply(a => Assert.True(CardText.Of(a).Contains(expected, StringComparison.Ordinal),
                    $"{scenario}: expected “{expected}” in “{CardText.Of(a)}”"));
            }
        }

        await flow.StartTestAsync();
        Assert.True(expectedFiled == reports.Filed.Count, scenario);
    }

    [Fact]
    public async Task The_filed_draft_holds_every_answer_as_typed()
    {
        var reports = new FakeReports();
        var host = new DialogTestHost(configure: reports.Register, role: Role.Public);

        await host.Flow()
            .Send("建议").AssertReply(_ => { })
            .Send("城乡建设").AssertReply(_ => { })
            .Send("路灯<b>不亮</b>").AssertReply(_ => { })
            .Send("和平路路灯坏了。").AssertReply(_ => { })
            .Send("和平路").AssertReply(_ => { })
            .Send("否").AssertReply(_ => { })
            .Send("陈先生").AssertReply(_ => { })
            .Send("13800138000").AssertReply(_ => { }).AssertReply(_ => { })
            .Send("是").AssertReply(_ => { })
            .StartTestAsync();

        var request = Assert.Single(reports.Filed);
        Assert.Equal(ReportKind.Suggestion, request.Draft.Kind);
        Assert.Equal("城乡建设", request.Draft.Category);
        Assert.Equal("路灯<b>不亮</b>", request.Draft.Title);
        Assert.Equal("和平路路灯坏了。", request.Draft.Content);
        Assert.Equal("和平路", request.Draft.Location);
        Assert.False(request.Draft.Anonymous);
        Assert.Equal("陈先生", request.Draft.ContactName);
        Assert.Equal("13800138000", request.Draft.ContactPhone);
        Assert.Equal("conv-1", request.ConversationId);
    }

    [Fact]
    public async Task Similar_earlier_reports_are_shown_before_the_author_confirms()
    {
        var reports = new FakeReports();
        reports.SimilarToReturn.Add(new ReportSummary("SQ-2026-000007", ReportKind.Report, "教育", "校门口*拥堵*", ReportState.Accepted, DateTimeOffset.UnixEpoch));
        var host = new DialogTestHost(configure: reports.Register);

        await host.Flow()
            .Send("社情民意").AssertReply(_ => { })
            .Send("教育").AssertReply(_ => { })
            .Send("校门口拥堵").AssertReply(_ => { })
            .Send("情况").AssertReply(_ => { })
            .Send("分析").AssertReply(_ => { })
            .Send("建议").AssertReply(_ => { })
            .Send("无").AssertReply(a =>
            {
                var text = a.AsMessageActivity().Text;
                Assert.Contains("已有以下相似的信息", text);
                // The earlier title is Markdown-escaped: its asterisks show, they do not make bold text.
                Assert.Contains("SQ-2026-000007（已通过）校门口\\*拥堵\\*", text);
            })
            .AssertReply(a => Assert.Contains("请核对提交内容", CardText.Of(a)))
            .AssertReply(a => Assert.Contains("确认提交吗", a.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_user_who_chose_English_gets_the_questions_in_English()
    {
        var host = new DialogTestHost(configure: new FakeReports().Register);

        await host.Flow(locale: "en-US")
            .Send("English").AssertReply(a => Assert.Contains("Switched to English", a.AsMessageActivity().Text))
            .Send("report").AssertReply(a => Assert.Contains("Choose a category", a.AsMessageActivity().Text))
            .Send("1").AssertReply(a => Assert.Contains("Title", a.AsMessageActivity().Text))
            .Send(new string('x', 21)).AssertReply(a => Assert.StartsWith("Title has 21 characters, more than the 20 allowed", a.AsMessageActivity().Text))
            .StartTestAsync();
    }
}
