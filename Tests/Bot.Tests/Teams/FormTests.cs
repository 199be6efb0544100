using Cppcc.Bot.Tests.Reports;
using Cppcc.Bot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Teams;

/// <summary>Card forms check themselves before they are sent, buttons say what they do, and a resubmission is one.</summary>
public sealed class FormTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task The_report_form_requires_fields_on_the_card_with_the_servers_limits()
    {
        using var bot = new ReportBot(_database, settings: new Dictionary<string, string?> { ["Reports:MaxTitleLength"] = "40" });

        var form = (await bot.Member("社情民意表单"))[0]!["attachments"]![0]!["content"]!;

        JToken Field(string id) => form.SelectToken($"body[?(@.id=='{id}')]")!;
        Assert.Equal(40, (int?)Field("title")["maxLength"]);
        Assert.Equal(1500, (int?)Field("content")["maxLength"]);
        foreach (var id in new[] { "category", "title", "content", "suggestion" })
        {
            Assert.True((bool?)Field(id)["isRequired"], id);
            Assert.StartsWith("请", (string?)Field(id)["errorMessage"]);
        }

        // Optional inputs leave isRequired out: the schema's default is false.
        Assert.NotEqual(true, (bool?)Field("location")["isRequired"]);
        Assert.NotNull(Field("location")["label"]);
        Assert.Equal("提交", (string?)form.SelectToken("actions[0].title"));
    }

    [Fact]
    public async Task Staff_transition_buttons_are_verbs_and_a_return_needs_its_reason_on_the_card()
    {
        using var bot = new ReportBot(_database);
        var reference = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "学校门口交通拥堵", "早晚高峰车辆占道。")));

        var card = (await bot.Staff("查询 " + reference)).SelectMany(r => r["attachments"] ?? new JArray()).Single()["content"]!;

        var returnCard = card.SelectToken("actions[?(@.title=='退回')].card")!;
        Assert.Equal("退回", (string?)returnCard.SelectToken("actions[0].title"));
        Assert.True((bool?)returnCard.SelectToken("body[?(@.id=='note')].isRequired"));
        Assert.Contains("退回原因", (string?)returnCard.SelectToken("body[?(@.id=='note')].errorMessage"));
    }

    [Fact]
    public async Task The_dialogs_last_question_offers_Submit_not_yes()
    {
        using var bot = new ReportBot(_database);
        await bot.Member("社情民意");
        JArray last = new();
        foreach (var answer in new[] { "教育", "和平路小学门口拥堵", "和平路段早晚高峰车辆占道。", "缺少停车位。", "设临时停车区。", "和平路" })
        {
            last = await bot.Member(answer);
        }

        var buttons = last.SelectMany(r => r.SelectTokens("suggestedActions.actions[*].title")).Select(t => (string?)t).ToList();
        Assert.Equal(new[] { "提交", "暂不提交" }, buttons);
        Assert.Contains("已提交", ReportBot.Read(await bot.Member("提交")));
    }

    [Fact]
    public async Task Staff_are_told_a_returned_report_was_resubmitted_and_see_it_on_the_card()
    {
        await using var connector = await ConnectorStub.StartAsync();
        using var bot = new ReportBot(_database, connector.ServiceUrl);
        await bot.Staff("菜单");
        var reference = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "学校门口交通拥堵", "早晚高峰车辆占道。")));
        Assert.Contains("收到新的", Assert.Single(await connector.TextsToAsync("a:staff", 1)));
        await bot.Staff("", ReportBot.Transition(reference, "returned", "请补充具体路段"));

        var revised = ReportBot.Submit("report", "学校门口交通拥堵", "和平路段早晚高峰车辆占道，缺少临时停车区。");
        revised["ref"] = reference;
        var reply = ReportBot.Read(await bot.Member("", revised));

        Assert.DoesNotContain(reference + "（", reply); // not listed as similar to itself
        var notices = await connector.TextsToAsync("a:staff", 2);
        Assert.Contains("已重新提交", notices[1]);
        Assert.DoesNotContain("收到新的", notices[1]);
        Assert.Contains("待审核（重新提交）", (await bot.Staff("查询 " + reference)).ToString());
    }

    public void Dispose() => _database.Dispose();
}
