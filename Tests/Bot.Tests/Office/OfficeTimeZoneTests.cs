using Cppcc.Bot.Tests.Reports;
using Cppcc.Bot.Tests.Support;
using Cppcc.Dialogs.Framework;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Office;

/// <summary>
/// <c>Bot:TimeZone</c> decides the year of a reference and the time a session is shown at. Each bot reads its own zone
/// from its configuration (through <see cref="OfficeTime"/>), so these run beside the other tests.
/// </summary>
public sealed class OfficeTimeZoneTests : IDisposable
{
    // 31 December 2026, 20:00 UTC: already 1 January 2027 in China, still 2026 in UTC.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 31, 20, 0, 0, TimeSpan.Zero));
    private readonly TempDatabase _db = new();

    private ReportBot Bot(string? zone) => new(_db,
        settings: zone is null ? null : new Dictionary<string, string?> { ["Bot:TimeZone"] = zone },
        services: s => s.AddSingleton<TimeProvider>(_time));

    [Theory]
    [InlineData(null, "SQ-2027-")]
    [InlineData("UTC", "SQ-2026-")]
    [InlineData("Asia/Urumqi", "SQ-2027-")]
    public async Task A_report_filed_on_new_years_eve_takes_the_year_of_the_configured_zone(string? zone, string prefix)
    {
        using var bot = Bot(zone);

        var reference = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "学校门口交通拥堵", "早晚高峰车辆占道。")));

        Assert.StartsWith(prefix, reference);
    }

    [Theory]
    [InlineData(null, "2027-01-01 04:00")]
    [InlineData("UTC", "2026-12-31 20:00")]
    [InlineData("Asia/Urumqi", "2027-01-01 02:00")]
    public async Task A_report_is_listed_and_shown_at_the_time_of_the_configured_zone(string? zone, string shown)
    {
        using var bot = Bot(zone);
        var reference = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "学校门口交通拥堵", "早晚高峰车辆占道。")));

        var listed = ReportBot.Read(await bot.Member("我的社情民意"));
        var details = ReportBot.Read(await bot.Staff("查询 " + reference));

        Assert.Contains($"{reference} · ", listed);
        Assert.Contains(" · " + shown + " · ", listed);
        Assert.Contains(shown, details);
    }

    [Theory]
    [InlineData(null, "2027年1月5日（周二）15:00")]
    [InlineData("UTC", "2027年1月5日（周二）07:00")]
    [InlineData("Asia/Urumqi", "2027年1月5日（周二）13:00")]
    public async Task A_new_session_is_shown_at_the_time_of_the_configured_zone(string? zone, string shown)
    {
        using var bot = Bot(zone);

        var replies = await bot.Staff("", new JObject
        {
            ["action"] = "session.create",
            ["title"] = "集中学习",
            ["kind"] = "study",
            ["startsAt"] = "2027-01-05T15:00:00+08:00",
            ["location"] = "区政协三楼会议室",
            ["recurrence"] = "none",
            ["audience"] = "all",
        });

        Assert.Contains("时间：" + shown, ReportBot.Read(replies));
    }

    public void Dispose()
    {
        _db.Dispose();
    }
}
