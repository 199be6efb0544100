using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Cppcc.Bot.Tests.Reports;
using Cppcc.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Duty;

public class DutyRecordTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(Start);

    private ReportBot Bot(IDictionary<string, string?>? settings = null)
        => new(_db, settings: settings, services: s => s.AddSingleton<TimeProvider>(_time));

    private static JObject Session(DateTimeOffset startsAt) => new()
    {
        ["action"] = "session.create",
        ["title"] = "集中学习",
        ["kind"] = "study",
        ["startsAt"] = startsAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz"),
        ["location"] = "区政协三楼会议室",
        ["recurrence"] = "none",
        ["audience"] = "all",
    };

    private static JObject Rsvp(string id, string response) => new() { ["action"] = "session.rsvp", ["sessionId"] = id, ["response"] = response };

    /// <summary>
    /// m1 (民盟) files two reports, one adopted at city level, attends one session, excuses themself from another and
    /// ignores a third; m2 (九三学社) files one report that is adopted at national level and attends nothing.
    /// </summary>
    private async Task SeedAsync(ReportBot bot)
    {
        await bot.Member("界别 民盟");
        await bot.Member("界别 九三学社", user: "m2", name: "李委员");
        var first = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "学校门口交通拥堵", "早晚高峰车辆占道。")));
        await bot.Member("", ReportBot.Submit("report", "老旧小区加装电梯", "审批慢，居民上下楼难。", "城乡建设"));
        var third = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "河道垃圾清理", "河道垃圾长期无人清理。", "城乡建设"), user: "m2", name: "李委员"));
        Assert.Matches(@"SQ-2026-\d{6}", first);
        await bot.Staff("", ReportBot.Transition(first, "accepted"));
        await bot.Staff("", ReportBot.Transition(first, "forwarded", department: "区教育局"));
        await bot.Staff("", ReportBot.Transition(first, "replied", "已增设交通协管员"));
        Assert.Contains("采用", ReportBot.Read(await bot.Staff("", ReportBot.Transition(first, "adopted", level: "city"))));
        await bot.Staff("", ReportBot.Transition(third, "accepted"));
        await bot.Staff("", ReportBot.Transition(third, "forwarded", department: "区水务局"));
        await bot.Staff("", ReportBot.Transition(third, "adopted", level: "national"));

        var ids = new List<string>();
        for (var day = 1; day <= 3; day++)
        {
            var reply = ReportBot.Read(await bot.Staff("", Session(Start.AddDays(day))));
            ids.Add(Regex.Match(reply, @"HD-\d{4}-\d{4}").Value);
            Assert.True(ids[^1].Length > 0, reply);
        }

        Assert.Contains("参加", ReportBot.Read(await bot.Member("", Rsvp(ids[0], "attend"))));
        Assert.Contains("请假", ReportBot.Read(await bot.Member("", Rsvp(ids[1], "absent"))));
        _time.Advance(TimeSpan.FromDays(5));
    }

    [Fact]
    public async Task A_member_sees_the_year_with_points_explained_line_by_line()
    {
        using var bot = Bot();
        await SeedAsync(bot);

        var text = ReportBot.Read(await bot.Member("我的履职"));

        Assert.Contains("2026 年履职档案 · 张委员", text);
        Assert.Contains("社情民意：报送 2 篇，审核通过 1，报送上级 1，已获办理答复 1，采用 1", text);
        Assert.Contains("采用：区级 0，市级 1，省级 0，全国 0，领导批示 0", text);
        Assert.Contains("学习活动：参加 1 次，请假 1 次，未答复 1 次", text);
        Assert.Contains("报送社情民意：2 × 1 分 = 2 分", text);
        Assert.Contains("市级采用：1 × 5 分 = 5 分", text);
        Assert.Contains("参加学习活动：1 × 1 分 = 1 分", text);
        Assert.Contains("未请假缺席：1 × -1 分 = -1 分", text);
        Assert.Contains("积分合计：7 分", text);
        // Another member's national adoption is not the caller's.
        Assert.DoesNotContain("全国采用", text);

        // A year with nothing in it is an empty record, not last year's.
        Assert.Contains("本年度尚无计分事项", ReportBot.Read(await bot.Member("my record 2025")));
        Assert.Contains("请写年份", ReportBot.Read(await bot.Member("我的履职 去年")));
    }

    [Fact]
    public async Task Points_follow_the_DutyPoints_configuration()
    {
        using var bot = Bot(new Dictionary<string, string?> { ["DutyPoints:AdoptedCity"] = "7", ["DutyPoints:Filed"] = "2" });
        await SeedAsync(bot);

        var text = ReportBot.Read(await bot.Member("我的履职 2026"));

        Assert.Contains("报送社情民意：2 × 2 分 = 4 分", text);
        Assert.Contains("市级采用：1 × 7 分 = 7 分", text);
        Assert.Contains("积分合计：11 分", text);
    }

    [Fact]
    public async Task Staff_rank_members_and_sectors_by_points_and_download_the_ranking()
    {
        using var bot = Bot();
        await SeedAsync(bot);

        var replies = await bot.Staff("履职排名 2026");
        var text = ReportBot.Read(replies);

        // m2: 1 filed + 10 national - 3 unanswered = 8; m1: 7 as above.
        var lines = text.Split('\n');
        var li = Array.FindIndex(lines, l => l.StartsWith("1. 李委员", StringComparison.Ordinal));
        var zhang = Array.FindIndex(lines, l => l.StartsWith("2. 张委员", StringComparison.Ordinal));
        Assert.True(li >= 0 && zhang > li, text);
        Assert.Contains("1. 李委员（九三学社）：8 分 · 报送 1 · 采用 1 · 参加学习 0", text);
        Assert.Contains("2. 张委员（民盟）：7 分 · 报送 2 · 采用 1 · 参加学习 1", text);
        Assert.Contains("1. 九三学社（界别）：8 分", text);
        Assert.Contains("2. 民盟（界别）：7 分", text);
        // Staff get session reminders too, but are not ranked among the members.
        Assert.DoesNotContain("王干部", text);

        var urls = Regex.Matches(replies.ToString(), @"https?://[^""\s]+/exports/[\w\-.]+").Select(m => new Uri(m.Value).PathAndQuery).ToList();
        Assert.Equal(3, urls.Count);
        urls.RemoveAt(0); // the chart (see Ranking_card_shows_a_chart_that_follows_the_data)
        var csvResponse = await bot.Client.GetAsync(urls[0]);
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        var csv = (await csvResponse.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("类型,排名,委员/界别,界别,积分,报送篇数,采用篇数,参加学习", csv[0]);
        Assert.Equal("委员,1,李委员,九三学社,8,1,1,0", csv[1]);
        Assert.Equal("委员,2,张委员,民盟,7,2,1,1", csv[2]);
        Assert.Contains("界别,1,九三学社,,8,1,1,0", csv);

        using var workbook = new XLWorkbook(await (await bot.Client.GetAsync(urls[1])).Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet("履职积分排名");
        Assert.Equal(("李委员", 8), (sheet.Cell(2, 3).GetString(), sheet.Cell(2, 5).GetValue<int>()));
    }

    [Fact]
    public async Task Ranking_card_shows_a_chart_that_follows_the_data()
    {
        using var bot = Bot();
        await SeedAsync(bot);

        var (first, firstUrl) = await ChartAsync(bot);
        Assert.Equal((900, 760), (first.Width, first.Height));
        // Not a blank canvas: bars of several colours were drawn.
        Assert.True(first.Pixels.Select(p => p.ToString()).Distinct().Count() > 20);
        Directory.CreateDirectory(Path.Combine(BotFactory.RepositoryRoot, "artifacts"));
        File.WriteAllBytes(Path.Combine(BotFactory.RepositoryRoot, "artifacts", "ranking-chart.png"), first.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100).ToArray());

        // One more report, adopted: the picture is drawn again from the new counts.
        var reference = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "公园照明不足", "夜间公园照明不足。")));
        await bot.Staff("", ReportBot.Transition(reference, "accepted"));
        await bot.Staff("", ReportBot.Transition(reference, "adopted", level: "district"));
        var (second, _) = await ChartAsync(bot);
        Assert.Equal((900, 760), (second.Width, second.Height));
        Assert.NotEqual(first.Pixels.Select(p => (uint)p), second.Pixels.Select(p => (uint)p));

        // The image link is a staff download link like the others: a forged signature is 404.
        var forged = firstUrl[..^3] + (firstUrl[^3] == 'A' ? "B" : "A") + firstUrl[^2..];
        Assert.Equal(HttpStatusCode.NotFound, (await bot.Client.GetAsync(forged)).StatusCode);
        _time.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Gone, (await bot.Client.GetAsync(firstUrl)).StatusCode);
    }

    private static async Task<(SkiaSharp.SKBitmap Image, string Url)> ChartAsync(ReportBot bot)
    {
        var card = (await bot.Staff("履职排名 2026")).SelectTokens("$..attachments[*].content.body[?(@.type == 'Image')]").Single();
        var url = new Uri((string)card["url"]!).PathAndQuery;
        Assert.Contains("每月报送与采用", (string?)card["altText"]);
        var response = await bot.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var image = SkiaSharp.SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.NotNull(image);
        return (image, url);
    }

    [Fact]
    public async Task The_public_and_members_are_refused_what_is_not_theirs()
    {
        using var bot = Bot();
        await SeedAsync(bot);

        var publicRecord = ReportBot.Read(await bot.Public("我的履职", aadObjectId: "aad-m1"));
        Assert.Contains("抱歉，您没有使用此功能的权限", publicRecord);
        Assert.DoesNotContain("积分", publicRecord);
        var memberRanking = ReportBot.Read(await bot.Member("履职排名"));
        Assert.Contains("抱歉，您没有使用此功能的权限", memberRanking);
        Assert.DoesNotContain("李委员", memberRanking);
        Assert.Contains("抱歉，您没有使用此功能的权限", ReportBot.Read(await bot.Public("ranking 2026")));
    }

    [Fact]
    public async Task An_answer_given_after_the_session_began_is_refused_and_changes_no_points()
    {
        using var bot = Bot();
        var reply = ReportBot.Read(await bot.Staff("", Session(Start.AddDays(1))));
        var id = Regex.Match(reply, @"HD-\d{4}-\d{4}").Value;
        Assert.Contains("请假", ReportBot.Read(await bot.Member("", Rsvp(id, "absent"), user: "m2", name: "李委员")));
        _time.Advance(TimeSpan.FromDays(2));

        // The reminder card stays in the chat: a click on it (or a replayed one) after the session is no attendance.
        var late = ReportBot.Read(await bot.Member("", Rsvp(id, "attend")));
        var changed = ReportBot.Read(await bot.Member("", Rsvp(id, "attend"), user: "m2", name: "李委员"));

        Assert.Contains("已经开始", late);
        Assert.DoesNotContain("您将参加", late);
        Assert.DoesNotContain("您将参加", changed);
        Assert.Contains("学习活动：参加 0 次，请假 0 次，未答复 1 次", ReportBot.Read(await bot.Member("我的履职")));
        Assert.Contains("学习活动：参加 0 次，请假 1 次，未答复 0 次", ReportBot.Read(await bot.Member("我的履职", user: "m2", name: "李委员")));
    }

    public void Dispose() => _db.Dispose();
}
