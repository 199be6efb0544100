using System.Net;
using ClosedXML.Excel;
using Cppcc.Bot.Exports;
using Cppcc.Bot.Reports;
using Cppcc.Bot.Tests.Support;
using Cppcc.Dialogs.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cppcc.Bot.Tests.Reports;

public class ReportExportTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    private ReportBot Bot() => new(_db, services: s => s.AddSingleton<TimeProvider>(_time));

    /// <summary>Two members of two sectors: m1 files two (one adopted at city level), m2 one (returned).</summary>
    private static async Task SeedAsync(ReportBot bot)
    {
        await bot.Member("界别 民盟");
        await bot.Member("界别 九三学社", user: "m2", name: "李委员");
        var first = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "学校门口交通拥堵", "早晚高峰车辆占道。")));
        await bot.Member("", ReportBot.Submit("report", "老旧小区加装电梯", "审批慢，居民上下楼难。", "城乡建设"));
        var third = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "=HYPERLINK(\"http://x\")", "公式注入测试内容。", "其他"), user: "m2", name: "=李委员"));
        await bot.Public("", ReportBot.Submit("suggestion", "路灯不亮", "和平路路灯坏了。", "城乡建设", anonymous: true));
        await bot.Staff("", ReportBot.Transition(first, "accepted"));
        await bot.Staff("", ReportBot.Transition(first, "forwarded", department: "区教育局"));
        await bot.Staff("", ReportBot.Transition(first, "adopted", level: "city"));
        await bot.Staff("", ReportBot.Transition(third, "returned", "请补充"));
    }

    private static (string Csv, string Excel) Links(string card)
    {
        var urls = System.Text.RegularExpressions.Regex.Matches(card, @"https?://[^""\s]+/exports/[\w\-.]+").Select(m => m.Value).ToList();
        return (urls[0], urls[1]);
    }

    [Fact]
    public async Task Staff_get_the_numbers_and_download_them_as_CSV_and_as_an_Excel_sheet()
    {
        using var bot = Bot();
        await SeedAsync(bot);

        var replies = await bot.Staff($"统计 {ReportBot.Year}");
        var text = ReportBot.Read(replies);
        Assert.Contains("委员 2 人报送 3 篇：通过 1，报送 1，采用 1（区级 0，市级 1", text);
        Assert.Contains("公众建议 1 条", text);
        var (csvUrl, excelUrl) = Links(replies.ToString());

        var csvResponse = await bot.Client.GetAsync(new Uri(csvUrl).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var csv = (await csvResponse.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("类型,委员/界别,界别,报送篇数,审核通过,报送上级,采用合计,区级采用,市级采用,省级采用,全国采用,领导批示", csv[0]);
        Assert.Contains("委员,张委员,民盟,2,1,1,1,0,1,0,0,0", csv);
        // A name that looks like a formula is escaped so a spreadsheet shows it as text.
        Assert.Contains("委员,\"'=李委员\",九三学社,1,0,0,0,0,0,0,0,0", csv);
        Assert.Contains("界别,民盟,,2,1,1,1,0,1,0,0,0", csv);

        var excelResponse = await bot.Client.GetAsync(new Uri(excelUrl).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, excelResponse.StatusCode);
        using var workbook = new XLWorkbook(await excelResponse.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet("社情民意统计");
        Assert.Equal("委员/界别", sheet.Cell(1, 2).GetString());
        var row = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "张委员");
        Assert.Equal(("民盟", 2, 1, 1, 1), (row.Cell(3).GetString(), row.Cell(4).GetValue<int>(), row.Cell(5).GetValue<int>(), row.Cell(6).GetValue<int>(), row.Cell(9).GetValue<int>()));
        var formulaName = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "=李委员");
        Assert.False(formulaName.Cell(2).HasFormula);
    }

    [Fact]
    public async Task Download_links_work_only_for_staff_and_only_for_a_short_time()
    {
        using var bot = Bot();
        await SeedAsync(bot);
        var (csvUrl, _) = Links((await bot.Staff("统计")).ToString());
        var path = new Uri(csvUrl).PathAndQuery;

        Assert.Equal(HttpStatusCode.NotFound, (await bot.Client.GetAsync(path[..^2] + "xx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bot.Client.GetAsync("/exports/not-a-token")).StatusCode);

        // A correctly signed link made for someone who is not staff (e.g. no longer listed) is refused.
        var tokens = bot.Factory.Services.GetRequiredService<ExportTokens>();
        var memberToken = tokens.Create(new ExportGrant("msteams:aad-m1", ReportExports.CsvKind, ReportExports.Subject(ReportPeriod.Year(ReportBot.Year)), _time.GetUtcNow().AddMinutes(5)));
        Assert.Equal(HttpStatusCode.Forbidden, (await bot.Client.GetAsync("/exports/" + memberToken)).StatusCode);
        var webToken = tokens.Create(new ExportGrant("webchat:" + ReportBot.StaffAad, ReportExports.CsvKind, ReportExports.Subject(ReportPeriod.Year(ReportBot.Year)), _time.GetUtcNow().AddMinutes(5)));
        Assert.Equal(HttpStatusCode.Forbidden, (await bot.Client.GetAsync("/exports/" + webToken)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await bot.Client.GetAsync(path)).StatusCode);
        _time.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Gone, (await bot.Client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Staff_can_set_an_authors_sector_from_a_report_and_a_bad_period_is_explained()
    {
        using var bot = Bot();
        var reference = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "学校门口交通拥堵", "早晚高峰车辆占道。")));

        Assert.Contains("已将界别设置为“工商联”", ReportBot.Read(await bot.Staff($"界别 {reference} 工商联")));
        Assert.Contains("没有这个界别", ReportBot.Read(await bot.Member("界别 火星")));
        Assert.Contains("张委员（工商联）", ReportBot.Read(await bot.Staff("统计")));
        Assert.Contains("时间范围格式", ReportBot.Read(await bot.Staff("统计 去年")));
    }

    public void Dispose() => _db.Dispose();
}
