using Cppcc.Bot.Tests.Support;
using Cppcc.Dialogs.Reports;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Reports;

public class ReportLifecycleTests : IDisposable
{
    private readonly TempDatabase _db = new();

    [Fact]
    public async Task Staff_move_a_report_through_every_state_and_each_step_reaches_the_author_through_the_connector()
    {
        await using var connector = await ConnectorStub.StartAsync();
        using var bot = new ReportBot(_db, connector.ServiceUrl);
        await bot.Staff("菜单"); // staff have a stored conversation, so they get new-report notices
        var reference = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "学校门口交通拥堵", "早晚高峰车辆占道。")));

        Assert.Contains(await connector.TextsToAsync("a:staff", 1), t => t.Contains($"收到新的社情民意信息：{reference}", StringComparison.Ordinal));

        var steps = new[]
        {
            (ReportBot.Transition(reference, "accepted", "内容翔实"), "已通过"),
            (ReportBot.Transition(reference, "forwarded", department: "区教育局"), "已报送"),
            (ReportBot.Transition(reference, "replied", "已在校门口划设临时停车区"), "已反馈"),
            (ReportBot.Transition(reference, "adopted", "区长批示", level: "instruction"), "已采用"),
            (ReportBot.Transition(reference, "closed"), "已办结"),
        };
        foreach (var (value, label) in steps)
        {
            var reply = ReportBot.Read(await bot.Staff("", value));
            Assert.Contains($"已将 {reference} 更新为“{label}”", reply);
            Assert.DoesNotContain("提交人目前无法接收消息", reply);
        }

        var toAuthor = await connector.TextsToAsync("a:m1", 5);
        Assert.Equal(5, toAuthor.Count);
        Assert.Contains("状态已更新为“已通过”", toAuthor[0]);
        Assert.Contains("内容翔实", toAuthor[0]);
        Assert.Contains("已报送", toAuthor[1]);
        Assert.Contains("报送单位：区教育局", toAuthor[1]);
        Assert.Contains("已在校门口划设临时停车区", toAuthor[2]);
        Assert.Contains("已采用", toAuthor[3]);
        Assert.Contains("采用级别：领导批示", toAuthor[3]);
        Assert.Contains($"您的社情民意信息 {reference} 状态已更新为“已办结”", toAuthor[4]);

        var stored = bot.Store.Find(reference)!;
        Assert.Equal(ReportState.Closed, stored.State);
        Assert.Equal(("区教育局", AdoptionLevel.Instruction), (stored.Department, stored.Level));
        Assert.Equal(new[] { ReportState.Submitted, ReportState.Accepted, ReportState.Forwarded, ReportState.Replied, ReportState.Adopted, ReportState.Closed },
            stored.History.Select(h => h.To));
        Assert.All(stored.History.Skip(1), h => Assert.Equal(("msteams:" + ReportBot.StaffAad, true), (h.ActorKey, h.ByStaff)));
        Assert.Equal(Enumerable.Range(1, 6), stored.History.Select(h => h.Sequence));

        var author = ReportBot.Read(await bot.Member("查询 " + reference));
        Assert.Contains("状态：已办结", author);
        Assert.Contains("采用级别：领导批示", author);
    }

    [Fact]
    public async Task Illegal_moves_are_refused_with_the_reason_and_change_nothing()
    {
        await using var connector = await ConnectorStub.StartAsync();
        using var bot = new ReportBot(_db, connector.ServiceUrl);
        var reference = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "学校门口交通拥堵", "早晚高峰车辆占道。")));

        var text = ReportBot.Read(await bot.Staff("", ReportBot.Transition(reference, "forwarded", department: "区教育局")));

        Assert.Contains("当前为“待审核”，不能改为“已报送”", text);
        Assert.Contains("当前可执行：已通过、已退回", text);
        Assert.Equal(ReportState.Submitted, bot.Store.Find(reference)!.State);
        Assert.Single(bot.Store.Find(reference)!.History);
        await bot.Factory.DeliveryIdleAsync(); // notices are queued: none may be on its way before saying none did
        Assert.Empty(connector.TextsTo("a:m1"));
        Assert.Contains("没有找到编号", ReportBot.Read(await bot.Staff("", ReportBot.Transition($"SQ-{ReportBot.Year}-999999", "accepted"))));
        Assert.Contains("（to）", ReportBot.Read(await bot.Staff("", ReportBot.Transition(reference, "submitted"))));
    }

    [Theory]
    [InlineData("returned", null, null, null, "note")]
    [InlineData("forwarded", null, null, null, "department")]
    [InlineData("adopted", "很好", null, null, "level")]
    public async Task A_move_missing_what_it_needs_names_the_field(string to, string? note, string? department, string? level, string field)
    {
        using var bot = new ReportBot(_db);
        var reference = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "学校门口交通拥堵", "早晚高峰车辆占道。")));
        if (to != "returned")
        {
            await bot.Staff("", ReportBot.Transition(reference, "accepted"));
        }

        var before = bot.Store.Find(reference)!.State;
        var text = ReportBot.Read(await bot.Staff("", ReportBot.Transition(reference, to, note, department, level)));

        Assert.Contains($"（{field}）", text);
        Assert.Equal(before, bot.Store.Find(reference)!.State);
    }

    [Fact]
    public async Task A_returned_report_is_revised_and_resubmitted_by_its_author()
    {
        await using var connector = await ConnectorStub.StartAsync();
        using var bot = new ReportBot(_db, connector.ServiceUrl);
        var reference = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "学校门口交通拥堵", "早晚高峰车辆占道。")));
        await bot.Staff("", ReportBot.Transition(reference, "returned", "请补充具体路段"));
        Assert.Contains("请补充具体路段", Assert.Single(await connector.TextsToAsync("a:m1", 1)));

        var notTheirs = ReportBot.Submit("report", "和平路小学门口拥堵", "和平路段早晚高峰车辆占道。");
        notTheirs["ref"] = reference;
        Assert.Contains("只能重新提交本人被退回的信息", ReportBot.Read(await bot.Member("", notTheirs, user: "m2")));

        var revised = ReportBot.Submit("report", "和平路小学门口拥堵", "和平路段早晚高峰车辆占道。");
        revised["ref"] = reference;
        Assert.Contains($"已重新提交 {reference}", ReportBot.Read(await bot.Member("", revised)));

        var stored = bot.Store.Find(reference)!;
        Assert.Equal((ReportState.Submitted, "和平路小学门口拥堵"), (stored.State, stored.Title));
        Assert.Equal((ReportState.Returned, ReportState.Submitted, false), (stored.History[^1].From!.Value, stored.History[^1].To, stored.History[^1].ByStaff));
        Assert.Equal(1, bot.Store.Count());
        Assert.Contains("已通过", ReportBot.Read(await bot.Staff("", ReportBot.Transition(reference, "accepted"))));
    }

    [Fact]
    public async Task The_author_revises_a_returned_report_in_a_form_holding_the_earlier_text()
    {
        using var bot = new ReportBot(_db);
        var reference = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "学校门口交通拥堵", "早晚高峰车辆占道。")));
        Assert.Contains("只能重新提交本人被退回的信息", ReportBot.Read(await bot.Member("重新提交 " + reference)));
        await bot.Staff("", ReportBot.Transition(reference, "returned", "请补充具体路段"));

        var reply = Assert.Single(await bot.Member("重新提交 " + reference));
        Assert.Contains($"请修改被退回的 {reference}", (string?)reply["text"]);
        Assert.Contains("请补充具体路段", (string?)reply["text"]);
        var form = reply["attachments"]![0]!["content"]!;
        Assert.Equal("学校门口交通拥堵", (string?)form.SelectToken("body[?(@.id=='title')].value"));
        Assert.Equal("早晚高峰车辆占道。", (string?)form.SelectToken("body[?(@.id=='content')].value"));
        Assert.Equal("教育", (string?)form.SelectToken("body[?(@.id=='category')].value"));
        Assert.Equal("重新提交", (string?)form.SelectToken("actions[0].title"));
        var data = (JObject)form.SelectToken("actions[0].data")!;
        Assert.Equal(reference, (string?)data["ref"]);

        // What the client sends back: the card's data merged with the inputs, only the location added.
        var submit = (JObject)data.DeepClone();
        foreach (var input in form["body"]!.Where(e => e["id"] is not null))
        {
            submit[(string)input["id"]!] = input["value"];
        }

        submit["location"] = "和平路";
        var text = ReportBot.Read(await bot.Member("", submit));
        Assert.Contains($"已重新提交 {reference}", text);
        Assert.DoesNotContain("相似", text);
        Assert.Equal((ReportState.Submitted, "和平路", "学校门口交通拥堵"), (bot.Store.Find(reference)!.State, bot.Store.Find(reference)!.Location, bot.Store.Find(reference)!.Title));
    }

    [Fact]
    public async Task A_public_submitter_is_told_through_their_web_chat_conversation_and_asked_for_the_code()
    {
        await using var connector = await ConnectorStub.StartAsync();
        using var bot = new ReportBot(_db, connector.ServiceUrl);
        var reference = ReportBot.Reference(await bot.Public("", ReportBot.Submit("suggestion", "路灯不亮", "和平路路灯坏了。", "城乡建设", null, "陈先生", "13800138000")));

        await bot.Staff("", ReportBot.Transition(reference, "accepted"));

        var notice = Assert.Single(await connector.TextsToAsync("dl-1", 1));
        Assert.Contains($"您的建议 {reference} 状态已更新为“已通过”", notice);
        Assert.Contains("查询码", notice);
    }

    [Fact]
    public async Task A_public_submitter_resubmits_a_returned_suggestion_with_the_access_code()
    {
        using var bot = new ReportBot(_db);
        var text = ReportBot.Read(await bot.Public("", ReportBot.Submit("suggestion", "路灯不亮", "和平路路灯坏了。", "城乡建设", anonymous: true)));
        var match = System.Text.RegularExpressions.Regex.Match(text, @"编号 (JY-\d{4}-\d{6})，查询码 (\w{8})");
        var reference = match.Groups[1].Value;
        await bot.Staff("", ReportBot.Transition(reference, "returned", "请写明门牌号"));

        var revised = ReportBot.Submit("suggestion", "和平路100号路灯不亮", "和平路100号门前路灯坏了一周。", "城乡建设", anonymous: true);
        revised["ref"] = reference;
        revised["code"] = "AAAAAAAA";
        Assert.Contains("只能重新提交本人被退回的信息", ReportBot.Read(await bot.Public("", revised)));
        Assert.Equal(ReportState.Returned, bot.Store.Find(reference)!.State);

        revised["code"] = match.Groups[2].Value;
        Assert.Contains($"已重新提交 {reference}", ReportBot.Read(await bot.Public("", revised, user: "web-new", conversation: "dl-new")));
        Assert.Equal((ReportState.Submitted, "和平路100号路灯不亮"), (bot.Store.Find(reference)!.State, bot.Store.Find(reference)!.Title));
    }

    [Fact]
    public async Task Someone_whose_staff_rights_were_withdrawn_no_longer_receives_new_report_notices()
    {
        await using var connector = await ConnectorStub.StartAsync();
        using (var before = new ReportBot(_db, connector.ServiceUrl, new Dictionary<string, string?> { ["Staff:UserIds:1"] = "aad-staff2" }))
        {
            await before.Staff("菜单");
            await StaffTwo(before, connector.ServiceUrl, "菜单");
        }

        // The next start: aad-staff is no longer listed and has not written since; aad-staff2 still is.
        using var bot = new ReportBot(_db, connector.ServiceUrl, new Dictionary<string, string?> { ["Staff:UserIds:0"] = "aad-staff2" });
        var reference = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "学校门口交通拥堵", "早晚高峰车辆占道。")));

        Assert.Contains(await connector.TextsToAsync("a:staff2", 1), t => t.Contains($"收到新的社情民意信息：{reference}", StringComparison.Ordinal));
        await bot.Factory.DeliveryIdleAsync();
        Assert.DoesNotContain(connector.TextsTo("a:staff"), t => t.Contains(reference, StringComparison.Ordinal));
    }

    private static Task<JArray> StaffTwo(ReportBot bot, string serviceUrl, string text)
    {
        var activity = BotFactory.TeamsMessage(text, "29:staff2", "aad-staff2", "a:staff2");
        activity["serviceUrl"] = serviceUrl;
        return BotFactory.SendAsync(bot.Client, activity);
    }

    public void Dispose() => _db.Dispose();
}
