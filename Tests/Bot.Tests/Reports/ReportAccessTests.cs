using Cppcc.Bot.Tests.Support;
using Cppcc.Dialogs.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Bot.Tests.Reports;

public class ReportAccessTests : IDisposable
{
    private const string NotFound = "没有找到该编号的信息，或查询码不正确";

    private readonly TempDatabase _db = new();

    private static async Task<(string Reference, string Code)> FilePublicAsync(ReportBot bot)
    {
        var text = ReportBot.Read(await bot.Public("", ReportBot.Submit("suggestion", "路灯不亮", "和平路路灯坏了。", "城乡建设", null, "陈先生", "13800138000")));
        var match = System.Text.RegularExpressions.Regex.Match(text, @"编号 (JY-\d{4}-\d{6})，查询码 (\w{8})");
        return (match.Groups[1].Value, match.Groups[2].Value);
    }

    [Fact]
    public async Task The_Teams_author_sees_status_and_history_but_other_members_and_the_public_do_not()
    {
        using var bot = new ReportBot(_db);
        var reference = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "学校门口交通拥堵", "早晚高峰车辆占道。")));

        var author = ReportBot.Read(await bot.Member("查询 " + reference.ToLowerInvariant()));
        Assert.Contains("状态：待审核", author);
        Assert.Contains("办理记录", author);

        // Another member is not told the report exists, nor pointed at access codes (those are for the public).
        Assert.Contains("没有找到该编号的信息，或它不是您提交的", ReportBot.Read(await bot.Member("查询 " + reference, user: "m2")));
        Assert.Contains(NotFound, ReportBot.Read(await bot.Public("查询 " + reference)));
        // The web chat never proves identity: claiming the author's ids there gives nothing.
        Assert.Contains(NotFound, ReportBot.Read(await bot.Public("查询 " + reference, user: "29:m1", aadObjectId: "aad-m1")));
    }

    [Fact]
    public async Task A_public_submitter_needs_the_right_code_and_a_wrong_code_reads_like_an_unknown_reference()
    {
        using var bot = new ReportBot(_db);
        var (reference, code) = await FilePublicAsync(bot);

        var withCode = ReportBot.Read(await bot.Public($"查询 {reference} {code.ToLowerInvariant()}", user: "web-other", conversation: "dl-other"));
        Assert.Contains("状态：待审核", withCode);

        var wrongCode = await bot.Public($"查询 {reference} AAAAAAAA");
        var noCode = await bot.Public($"查询 {reference}");
        var unknown = await bot.Public($"查询 JY-{ReportBot.Year}-999999 AAAAAAAA");
        Assert.Contains(NotFound, ReportBot.Read(wrongCode));
        Assert.Equal(ReportBot.Read(unknown), ReportBot.Read(wrongCode));
        Assert.Equal(ReportBot.Read(unknown), ReportBot.Read(noCode));
        Assert.Equal(ReportBot.Read(unknown), ReportBot.Read(await bot.Public($"查询 {new string('Q', 3000)} AAAAAAAA")));
    }

    [Fact]
    public async Task Guessing_access_codes_is_cut_short_by_the_look_up_limit()
    {
        using var bot = new ReportBot(_db, settings: new Dictionary<string, string?> { ["Reports:PublicQueryLimit"] = "3" });
        var (reference, code) = await FilePublicAsync(bot);

        for (var i = 0; i < 3; i++)
        {
            await bot.Public($"查询 {reference} WRONG00{i}", user: "web-guess", conversation: "dl-guess");
        }

        // Out of look-ups: even the right code gets the same reply as a wrong one, from this client and this conversation.
        Assert.Contains(NotFound, ReportBot.Read(await bot.Public($"查询 {reference} {code}", user: "web-guess", conversation: "dl-guess")));
        Assert.Contains(NotFound, ReportBot.Read(await bot.Public($"查询 {reference} {code}", user: "web-guess", conversation: "dl-other")));
        Assert.Contains("状态：待审核", ReportBot.Read(await bot.Public($"查询 {reference} {code}", user: "web-owner", conversation: "dl-owner")));
    }

    [Fact]
    public async Task Contact_details_are_shown_to_staff_only()
    {
        using var bot = new ReportBot(_db);
        var (reference, code) = await FilePublicAsync(bot);

        var staff = ReportBot.Read(await bot.Staff("查询 " + reference));
        var submitter = ReportBot.Read(await bot.Public($"查询 {reference} {code}"));

        Assert.Contains("联系电话：13800138000", staff);
        Assert.Contains("联系人：陈先生", staff);
        Assert.DoesNotContain("13800138000", submitter);
        Assert.DoesNotContain("陈先生", submitter);
        Assert.Contains("状态：待审核", submitter);

        // Not only hidden by the card: the submitter's view never carries the contact at all.
        var service = bot.Factory.Services.GetRequiredService<IReportService>();
        var view = service.FindForCaller(new Cppcc.Dialogs.Root.Caller("webchat:web-1", "访客", Cppcc.Dialogs.Root.Role.Public), "dl-1", reference, code);
        Assert.Equal((null, null, false), (view!.Draft.ContactName, view.Draft.ContactPhone, view.ShowsContact));
    }

    [Fact]
    public async Task Only_staff_may_move_a_report()
    {
        using var bot = new ReportBot(_db);
        var reference = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "学校门口交通拥堵", "早晚高峰车辆占道。")));

        Assert.Contains("没有使用此功能的权限", ReportBot.Read(await bot.Member("", ReportBot.Transition(reference, "accepted"))));
        Assert.Contains("没有使用此功能的权限", ReportBot.Read(await bot.Public("", ReportBot.Transition(reference, "accepted"), aadObjectId: ReportBot.StaffAad)));
        Assert.Contains("没有使用此功能的权限", ReportBot.Read(await bot.Member("待办")));
        Assert.Contains("没有使用此功能的权限", ReportBot.Read(await bot.Member("统计")));
        Assert.Equal(ReportState.Submitted, bot.Store.Find(reference)!.State);
    }

    [Fact]
    public async Task My_reports_lists_the_callers_own_only()
    {
        using var bot = new ReportBot(_db);
        var mine = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "学校门口交通拥堵", "早晚高峰车辆占道。")));
        var theirs = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "老旧小区加装电梯", "审批慢。", "城乡建设"), user: "m2"));

        var text = ReportBot.Read(await bot.Member("我的社情民意"));

        Assert.Contains(mine, text);
        Assert.DoesNotContain(theirs, text);
        Assert.Contains("查询码", ReportBot.Read(await bot.Public("我的社情民意")));
    }

    [Fact]
    public async Task Staff_triage_lists_by_state_and_category_with_paging()
    {
        using var bot = new ReportBot(_db, settings: new Dictionary<string, string?> { ["Reports:PageSize"] = "2" });
        var titles = new[] { "一号学校门口拥堵", "二号食堂卫生", "三号校车安全", "四号老旧小区电梯" };
        var refs = new List<string>();
        for (var i = 0; i < titles.Length; i++)
        {
            refs.Add(ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", titles[i], $"第{i}件事的具体情况，各不相同{i}。", i < 3 ? "教育" : "城乡建设"), user: "m" + i)));
        }

        await bot.Staff("", ReportBot.Transition(refs[0], "accepted"));

        var todo = ReportBot.Read(await bot.Staff("待办"));
        Assert.Contains("状态：待审核", todo);
        Assert.Contains("第 1/2 页，共 3 条", todo);
        Assert.Contains(refs[3], todo);
        Assert.DoesNotContain(refs[0], todo);
        Assert.Contains("[下一页]", todo);

        var page2 = ReportBot.Read(await bot.Staff("社情民意列表 submitted 2"));
        Assert.Contains("第 2/2 页", page2);
        Assert.Contains(refs[1], page2);

        var education = ReportBot.Read(await bot.Staff("社情民意列表 教育"));
        Assert.Contains("共 3 条", education);
        Assert.DoesNotContain(refs[3], education);
    }

    public void Dispose() => _db.Dispose();
}
