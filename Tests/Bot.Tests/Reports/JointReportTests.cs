using Cppcc.Bot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Reports;

/// <summary>
/// Joint reports (联名): m1 names m2 as co-author; m2 is invited in their personal chat (a:m2) through the Connector,
/// answers with <c>report.cosign</c>, and from then on sees, hears about and is credited with the report.
/// </summary>
public class JointReportTests : IDisposable
{
    private readonly TempDatabase _db = new();

    private static JObject Joint(string coAuthors, string kind = "report")
    {
        var value = ReportBot.Submit(kind, "学校门口交通拥堵", "早晚高峰车辆占道，学生上下学不安全。");
        value["coAuthors"] = coAuthors;
        return value;
    }

    private static JObject Cosign(string reference, string response)
        => new() { ["action"] = "report.cosign", ["ref"] = reference, ["response"] = response };

    /// <summary>m2 has a personal chat; m1 files a joint report naming m2; returns the reference once m2's card arrived.</summary>
    private static async Task<string> FileJointAsync(ReportBot bot, ConnectorStub connector)
    {
        await bot.Member("菜单", user: "m2", name: "李委员");
        var filed = await bot.Member("", Joint(" aad-m2 , aad-m2"));
        var reference = ReportBot.Reference(filed);
        Assert.Matches(@"SQ-\d{4}-\d{6}", reference);

        var card = await connector.WaitForAsync("a:m2", a => a.ToString().Contains("report.cosign", StringComparison.Ordinal));
        var data = card.SelectTokens("$..actions[*].data").Cast<JObject>().ToList();
        Assert.Equal(new[] { "accept", "decline" }, data.Select(d => (string?)d["response"]));
        Assert.All(data, d => Assert.Equal(reference, (string?)d["ref"]));
        Assert.Contains($"张委员 邀请您联名提交社情民意信息 {reference}", ReportBot.Read(new JArray(card)));
        return reference;
    }

    private static async Task AdoptAtCityAsync(ReportBot bot, string reference)
    {
        await bot.Staff("", ReportBot.Transition(reference, "accepted"));
        Assert.Contains("已采用", ReportBot.Read(await bot.Staff("", ReportBot.Transition(reference, "adopted", level: "city"))));
    }

    [Fact]
    public async Task A_co_author_who_co_signs_sees_the_report_hears_each_step_and_earns_the_points()
    {
        await using var connector = await ConnectorStub.StartAsync();
        using var bot = new ReportBot(_db, connector.ServiceUrl);
        var reference = await FileJointAsync(bot, connector);

        Assert.Contains($"您已联名社情民意信息 {reference}", ReportBot.Read(await bot.Member("", Cosign(reference, "accept"), "m2", "李委员")));
        // A second click changes nothing and says so.
        Assert.Contains($"您此前已同意联名 {reference}", ReportBot.Read(await bot.Member("", Cosign(reference, "accept"), "m2", "李委员")));
        Assert.Contains(reference, ReportBot.Read(await bot.Member("我的社情民意", user: "m2", name: "李委员")));
        Assert.Contains("状态：待审核", ReportBot.Read(await bot.Member("查询 " + reference, user: "m2", name: "李委员")));

        Assert.Contains("联名委员：李委员", ReportBot.Read(await bot.Staff("查询 " + reference)));

        await AdoptAtCityAsync(bot, reference);
        var toCoAuthor = await connector.TextsToAsync("a:m2", 3);
        Assert.Contains(toCoAuthor, t => t.Contains($"{reference} 状态已更新为“已通过”", StringComparison.Ordinal));
        Assert.Contains(toCoAuthor, t => t.Contains("采用级别：市级采用", StringComparison.Ordinal));

        foreach (var (user, name) in new[] { ("m1", "张委员"), ("m2", "李委员") })
        {
            var record = ReportBot.Read(await bot.Member("我的履职", user: user, name: name));
            Assert.Contains($"年履职档案 · {name}", record);
            Assert.Contains("报送社情民意：1 × 1 分 = 1 分", record);
            Assert.Contains("市级采用：1 × 5 分 = 5 分", record);
        }
    }

    [Fact]
    public async Task Someone_not_listed_cannot_co_sign_and_a_wrong_reference_is_named()
    {
        await using var connector = await ConnectorStub.StartAsync();
        using var bot = new ReportBot(_db, connector.ServiceUrl);
        var reference = await FileJointAsync(bot, connector);

        var stranger = ReportBot.Read(await bot.Member("", Cosign(reference, "accept"), "m3", "赵委员"));
        Assert.Contains($"没有找到邀请您联名的社情民意信息 {reference}", stranger);
        Assert.DoesNotContain(reference, ReportBot.Read(await bot.Member("我的社情民意", user: "m3", name: "赵委员")));
        Assert.Contains("没有找到邀请您联名的社情民意信息 SQ-2000-999999", ReportBot.Read(await bot.Member("", Cosign("SQ-2000-999999", "accept"), "m2", "李委员")));
        Assert.Contains("请选择“同意联名”或“谢绝”", ReportBot.Read(await bot.Member("", Cosign(reference, "maybe"), "m2", "李委员")));
        // The public channel never co-signs, whatever aadObjectId the browser claims.
        Assert.DoesNotContain("您已联名", ReportBot.Read(await bot.Public("", Cosign(reference, "accept"), aadObjectId: "aad-m2")));
        Assert.Empty(bot.Store.Find(reference)!.CoSignedKeys);
    }

    [Fact]
    public async Task A_co_author_who_declines_stays_out_of_the_report()
    {
        await using var connector = await ConnectorStub.StartAsync();
        using var bot = new ReportBot(_db, connector.ServiceUrl);
        var reference = await FileJointAsync(bot, connector);

        Assert.Contains($"您已谢绝联名社情民意信息 {reference}", ReportBot.Read(await bot.Member("", Cosign(reference, "decline"), "m2", "李委员")));
        Assert.Contains("您此前已谢绝联名", ReportBot.Read(await bot.Member("", Cosign(reference, "accept"), "m2", "李委员")));
        Assert.DoesNotContain(reference, ReportBot.Read(await bot.Member("我的社情民意", user: "m2", name: "李委员")));

        Assert.DoesNotContain("联名委员", ReportBot.Read(await bot.Staff("查询 " + reference)));
        await AdoptAtCityAsync(bot, reference);
        await connector.TextsToAsync("a:m1", 2);
        Assert.DoesNotContain(connector.TextsTo("a:m2"), t => t.Contains(reference, StringComparison.Ordinal));
        Assert.DoesNotContain("市级采用", ReportBot.Read(await bot.Member("我的履职", user: "m2", name: "李委员")));
        Assert.Contains("市级采用：1 × 5 分 = 5 分", ReportBot.Read(await bot.Member("我的履职")));
    }

    [Theory]
    [InlineData("aad-m1", "report", "无需再列为联名委员")]
    [InlineData("aad-m2", "suggestion", "只有委员提交的社情民意信息可以联名")]
    [InlineData("a1,a2,a3,a4,a5,a6,a7,a8,a9,a10,a11", "report", "联名委员最多 10 位")]
    public async Task Bad_co_authors_are_named_and_nothing_is_stored(string coAuthors, string kind, string expected)
    {
        using var bot = new ReportBot(_db);

        var reply = ReportBot.Read(await bot.Member("", Joint(coAuthors, kind)));

        Assert.Contains("联名委员（coAuthors）", reply);
        Assert.Contains(expected, reply);
        Assert.Equal(0, bot.Store.Count());
    }

    [Fact]
    public async Task The_members_form_offers_a_people_picker_and_the_publics_does_not()
    {
        using var bot = new ReportBot(_db);

        var memberForm = (await bot.Member("社情民意表单"))[0]!["attachments"]![0]!["content"]!;
        var publicForm = (await bot.Public("建议表单"))[0]!["attachments"]![0]!["content"]!;

        var picker = memberForm.SelectToken("body[?(@.id=='coAuthors')]")!;
        Assert.Equal(("Input.ChoiceSet", true), ((string?)picker["type"], (bool?)picker["isMultiSelect"]));
        Assert.Equal(("Data.Query", "graph.microsoft.com/users"), ((string?)picker["choices.data"]!["type"], (string?)picker["choices.data"]!["dataset"]));
        Assert.Null(publicForm.SelectToken("body[?(@.id=='coAuthors')]"));
    }

    public void Dispose() => _db.Dispose();
}
