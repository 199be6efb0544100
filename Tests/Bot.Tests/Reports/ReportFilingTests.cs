using Cppcc.Bot.Tests.Support;
using Cppcc.Dialogs.Reports;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Reports;

public class ReportFilingTests : IDisposable
{
    private readonly TempDatabase _db = new();

    [Fact]
    public async Task A_member_files_a_report_through_the_dialog_and_gets_an_SQ_reference()
    {
        using var bot = new ReportBot(_db);
        foreach (var answer in new[] { "社情民意", "教育", "学校门口交通拥堵", "早晚高峰接送车辆占用主干道。", "周边缺少临时停车位。", "设置临时停车区并错峰放学。" })
        {
            await bot.Member(answer);
        }

        var summary = ReportBot.Read(await bot.Member("实验小学"));
        Assert.Contains("地点：实验小学", summary);
        Assert.Equal(0, bot.Store.Count());
        var replies = await bot.Member("是");

        Assert.Matches($@"已提交，编号 SQ-{ReportBot.Year}-000001", ReportBot.Read(replies));
        var stored = bot.Store.Find($"SQ-{ReportBot.Year}-000001")!;
        Assert.Equal(("学校门口交通拥堵", "早晚高峰接送车辆占用主干道。", "周边缺少临时停车位。", "实验小学"), (stored.Title, stored.Content, stored.Analysis, stored.Location));
        Assert.Equal(ReportState.Submitted, stored.State);
    }

    [Fact]
    public async Task The_card_submit_files_in_one_step_with_the_same_result()
    {
        using var bot = new ReportBot(_db);

        var replies = await bot.Member("", ReportBot.Submit("report", "学校门口交通拥堵", "早晚高峰接送车辆占道。"));

        Assert.Contains($"已提交，编号 SQ-{ReportBot.Year}-000001", ReportBot.Read(replies));
        Assert.Equal(1, bot.Store.Count());
        Assert.Equal("msteams:aad-m1", bot.Store.Find($"SQ-{ReportBot.Year}-000001")!.AuthorKey);
    }

    [Fact]
    public async Task A_public_suggestion_gets_a_JY_reference_and_an_access_code_that_is_never_stored()
    {
        using (var bot = new ReportBot(_db))
        {
            var replies = await bot.Public("", ReportBot.Submit("suggestion", "路灯不亮", "和平路路灯坏了。", "城乡建设", null, "陈先生", "13800138000"));

            var text = ReportBot.Read(replies);
            var match = System.Text.RegularExpressions.Regex.Match(text, $@"编号 (JY-{ReportBot.Year}-000001)，查询码 ([A-Z2-9]{{8}})");
            Assert.True(match.Success, text);
            var code = match.Groups[2].Value;
            Assert.NotNull(bot.Store.Find(match.Groups[1].Value)!.AccessCodeHash);

            // Only a hash is kept: the code appears nowhere in the database file.
            bot.Factory.Dispose();
            var file = File.ReadAllBytes(_db.FilePath);
            Assert.DoesNotContain(code, System.Text.Encoding.UTF8.GetString(file), StringComparison.Ordinal);
            Assert.DoesNotContain(code, System.Text.Encoding.Unicode.GetString(file), StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, Action<JObject>, string> BadSubmits => new()
    {
        { "no kind", v => v.Remove("kind"), "kind" },
        { "unknown kind", v => v["kind"] = "complaint", "kind" },
        { "empty title", v => v["title"] = "  ", "title" },
        { "title over 60", v => v["title"] = new string('长', 61), "title" },
        { "category not configured", v => v["category"] = "体育", "category" },
        { "no content", v => v.Remove("content"), "content" },
        { "content over 1,500 (rejected, not cut)", v => v["content"] = new string('字', 1501), "content" },
        { "a bad phone", v => v["contactPhone"] = "12345", "contactPhone" },
        { "named without a name", v => v.Remove("contactName"), "contactName" },
        { "named without a phone", v => v.Remove("contactPhone"), "contactPhone" },
        { "anonymous not true/false", v => v["anonymous"] = "maybe", "anonymous" },
    };

    [Theory]
    [MemberData(nameof(BadSubmits))]
    public async Task A_card_submit_with_a_bad_field_names_it_and_stores_nothing(string scenario, Action<JObject> spoil, string field)
    {
        using var bot = new ReportBot(_db);
        var value = ReportBot.Submit("suggestion", "路灯不亮", "和平路路灯坏了。", "城乡建设", null, "陈先生", "13800138000");
        spoil(value);

        var text = ReportBot.Read(await bot.Public("", value));

        Assert.True(text.Contains($"（{field}）", StringComparison.Ordinal) && text.Contains("没有保存", StringComparison.Ordinal), $"{scenario}: {text}");
        Assert.Equal(0, bot.Store.Count());
    }

    [Fact]
    public async Task The_public_cannot_file_member_reports()
    {
        using var bot = new ReportBot(_db);

        var text = ReportBot.Read(await bot.Public("", ReportBot.Submit("report", "标题", "内容")));

        Assert.Contains("社情民意信息由政协委员在 Teams 中提交", text);
        Assert.Equal(0, bot.Store.Count());
    }

    [Fact]
    public async Task Public_filing_is_rate_limited_per_conversation_and_per_client()
    {
        using var bot = new ReportBot(_db, settings: new Dictionary<string, string?> { ["Reports:PublicFilingLimit"] = "2" });
        Task<JArray> File(string title, string user, string conversation)
            => bot.Public("", ReportBot.Submit("suggestion", title, title + "的具体情况说明。", "其他", anonymous: true), user, conversation);

        Assert.Contains("已提交", ReportBot.Read(await File("一号路灯不亮", "web-1", "dl-1")));
        Assert.Contains("已提交", ReportBot.Read(await File("二号井盖缺失", "web-1", "dl-1")));
        Assert.Contains("提交过于频繁", ReportBot.Read(await File("三号公交改线", "web-1", "dl-1")));
        // A new conversation does not reset the client's count, nor does a new client reset the conversation's.
        Assert.Contains("提交过于频繁", ReportBot.Read(await File("四号垃圾清运", "web-1", "dl-2")));
        Assert.Contains("提交过于频繁", ReportBot.Read(await File("五号噪音扰民", "web-2", "dl-1")));
        Assert.Contains("已提交", ReportBot.Read(await File("六号绿化养护", "web-3", "dl-3")));
        Assert.Equal(3, bot.Store.Count());
    }

    [Fact]
    public async Task A_repeated_submission_is_caught_and_not_stored_again()
    {
        using var bot = new ReportBot(_db);
        var first = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "学校门口交通拥堵", "早晚高峰接送车辆占用主干道，造成拥堵。")));

        var again = ReportBot.Read(await bot.Member("", ReportBot.Submit("report", "学校门口交通拥堵！", "早晚高峰接送车辆占用主干道，造成拥堵")));

        Assert.Contains($"您刚刚已提交过内容几乎相同的信息（{first}）", again);
        Assert.Equal(1, bot.Store.Count());
    }

    [Fact]
    public async Task The_same_suggestion_from_a_stranger_is_refused_without_naming_the_first_filing()
    {
        using var bot = new ReportBot(_db);
        Task<JArray> File(string user, string conversation) => bot.Public("", ReportBot.Submit("suggestion", "公园健身器材损坏",
            "人民公园东门的健身器材损坏多日，存在安全隐患。", "其他", anonymous: true), user, conversation);
        var first = ReportBot.Reference(await File("web-1", "dl-1"));

        var own = ReportBot.Read(await File("web-1", "dl-1"));
        var stranger = ReportBot.Read(await File("web-2", "dl-2"));

        Assert.Contains($"您刚刚已提交过内容几乎相同的信息（{first}）", own);
        Assert.Contains("近期已有人提交", stranger);
        Assert.DoesNotContain(first, stranger);
        Assert.DoesNotContain("JY-", stranger);
        Assert.Equal(1, bot.Store.Count());
    }

    [Fact]
    public async Task Similar_earlier_reports_in_the_category_are_pointed_out()
    {
        using var bot = new ReportBot(_db);
        var first = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "实验小学门口交通拥堵", "早晚高峰接送车辆占用主干道。")));
        await bot.Member("", ReportBot.Submit("report", "老旧小区加装电梯", "加装电梯审批慢。", "城乡建设"));

        var text = ReportBot.Read(await bot.Member("", ReportBot.Submit("report", "实验小学门口交通拥堵问题", "放学时段校门口车辆乱停。"), user: "m2", name: "李委员"));

        Assert.Contains("已有以下相似的信息（本篇已照常提交）", text);
        Assert.DoesNotContain("提交前", text); // it was filed: the note must not read as if it were not
        Assert.Contains(first, text);
        Assert.DoesNotContain("电梯", text);
    }

    [Fact]
    public async Task Script_in_a_title_is_shown_as_text_never_as_markup()
    {
        using var bot = new ReportBot(_db);
        var reference = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "<script>alert('x')</script>**粗体**", "<img src=x onerror=alert(1)>")));

        var card = (await bot.Staff("查询 " + reference))[0]!["attachments"]![0]!["content"]!;

        var blocks = card.SelectTokens("$..[?(@.type == 'TextBlock')].text").Select(t => (string?)t).ToList();
        var runs = card.SelectTokens("$..[?(@.type == 'TextRun')].text").Select(t => (string?)t).ToList();
        Assert.Contains("<script>alert('x')</script>**粗体**", runs);
        Assert.Contains("<img src=x onerror=alert(1)>", runs);
        // TextBlocks (which render Markdown) never carry what the user typed.
        Assert.DoesNotContain(blocks, b => b!.Contains("script", StringComparison.Ordinal) || b.Contains("onerror", StringComparison.Ordinal));

        var mine = ReportBot.Read(await bot.Member("我的社情民意"));
        Assert.Contains("&lt;script&gt;alert\\('x'\\)&lt;/script&gt;\\*\\*粗体\\*\\*", mine);
    }

    [Fact]
    public async Task The_form_card_submits_report_submit_with_the_contract_field_ids()
    {
        using var bot = new ReportBot(_db);

        var memberForm = (await bot.Member("社情民意表单"))[0]!["attachments"]![0]!["content"]!;
        var publicForm = (await bot.Public("社情民意表单"))[0]!["attachments"]![0]!["content"]!;

        Assert.Equal("report.submit", (string?)memberForm.SelectToken("actions[0].data.action"));
        Assert.Equal("report", (string?)memberForm.SelectToken("actions[0].data.kind"));
        Assert.Equal("suggestion", (string?)publicForm.SelectToken("actions[0].data.kind"));
        var ids = publicForm.SelectTokens("body[*].id").Select(t => (string?)t).ToList();
        Assert.Equal(new[] { "category", "title", "content", "suggestion", "location", "anonymous", "contactName", "contactPhone" }, ids);
        // maxLength is the server's limit (the server still rejects longer text, never cuts it).
        Assert.Equal(60, (int?)publicForm.SelectToken("body[?(@.id=='title')].maxLength"));
    }

    [Fact]
    public async Task The_menu_offers_each_role_only_its_report_actions()
    {
        using var bot = new ReportBot(_db);

        var forPublic = ReportBot.Read(await bot.Public("菜单"));
        var forMember = ReportBot.Read(await bot.Member("菜单"));
        var forStaff = ReportBot.Read(await bot.Staff("菜单"));

        Assert.Contains("[提出建议]", forPublic);
        Assert.DoesNotContain("[提交社情民意]", forPublic);
        Assert.Contains("[提交社情民意]", forMember);
        Assert.DoesNotContain("[社情民意待办]", forMember);
        Assert.Contains("[社情民意待办]", forStaff);
        Assert.Contains("[履职统计导出]", forStaff);
    }

    public void Dispose() => _db.Dispose();
}
