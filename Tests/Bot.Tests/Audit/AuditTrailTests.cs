using System.Net;
using System.Text.RegularExpressions;
using Cppcc.Bot.Tests.Reports;
using Cppcc.Bot.Tests.Support;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Audit;

public class AuditTrailTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(Start);

    private ReportBot Bot() => new(_db, services: s => s.AddSingleton<TimeProvider>(_time));

    /// <summary>A transition, a session created, moved and cancelled, a broadcast and a download: six staff actions.</summary>
    private static async Task<(string Report, string Session)> ActAsync(ReportBot bot)
    {
        var reference = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "学校门口交通拥堵", "早晚高峰车辆占道。")));
        await bot.Staff("", ReportBot.Transition(reference, "accepted"));
        var created = ReportBot.Read(await bot.Staff("", new JObject
        {
            ["action"] = "session.create", ["title"] = "集中学习", ["kind"] = "study", ["startsAt"] = "2026-06-03T09:00:00+08:00",
            ["location"] = "区政协三楼会议室", ["recurrence"] = "none", ["audience"] = "all",
        }));
        var session = Regex.Match(created, @"HD-\d{4}-\d{4}").Value;
        Assert.True(session.Length > 0, created);
        Assert.Contains(session, ReportBot.Read(await bot.Staff($"改期 {session} 2026-06-04T09:00:00+08:00")));
        await bot.Staff("取消学习 " + session);
        await bot.Staff("", new JObject { ["action"] = "broadcast.send", ["text"] = "请各位委员按时参加集中学习。", ["audience"] = "all" });
        var link = Regex.Match((await bot.Staff("统计 2026")).ToString(), @"https?://[^""\s]+/exports/[\w\-.]+").Value;
        Assert.Equal(HttpStatusCode.OK, (await bot.Client.GetAsync(new Uri(link).PathAndQuery)).StatusCode);
        return (reference, session);
    }

    [Fact]
    public async Task Staff_actions_are_listed_newest_first_with_actor_target_and_before_after()
    {
        using var bot = Bot();
        var (reference, session) = await ActAsync(bot);

        var text = ReportBot.Read(await bot.Staff("操作记录"));

        Assert.Contains("校验通过：共 6 条记录，哈希链完整。", text);
        Assert.Contains($"#1 2026-06-01 10:00:00 王干部：report.transition {reference}（submitted → accepted）", text);
        Assert.Contains($"#2 2026-06-01 10:00:00 王干部：session.create {session}（- → 集中学习 · 2026-06-03 09:00 +08:00 · 区政协三楼会议室 · all）", text);
        Assert.Contains($"#3 2026-06-01 10:00:00 王干部：session.update {session}（集中学习 · 2026-06-03 09:00 +08:00 · 区政协三楼会议室 · all → 集中学习 · 2026-06-04 09:00 +08:00", text);
        Assert.Contains($"#4 2026-06-01 10:00:00 王干部：session.cancel {session}（集中学习 · 2026-06-04 09:00 +08:00", text);
        Assert.Contains("#5 2026-06-01 10:00:00 王干部：broadcast.send TZ-2026-", text);
        Assert.Contains("#6 2026-06-01 10:00:00 msteams:aad-staff：export.download report.csv 2026-01-01..2026-12-31", text);
        Assert.True(text.IndexOf("#6 ", StringComparison.Ordinal) < text.IndexOf("#1 ", StringComparison.Ordinal), "newest first");
        Assert.DoesNotContain("#1 ", ReportBot.Read(await bot.Staff("audit 2")));
    }

    [Fact]
    public async Task A_record_edited_or_deleted_in_the_database_behind_the_bot_is_detected()
    {
        using var bot = Bot();
        await ActAsync(bot);
        var records = bot.Factory.Services.GetRequiredService<ILiteDatabase>().GetCollection("audit_trail");

        // Someone rewrites history: the report "was returned", not accepted.
        var original = records.FindById(1);
        var forged = new BsonDocument(original.ToDictionary(p => p.Key, p => p.Value)) { ["After"] = "returned" };
        records.Update(forged);
        var text = ReportBot.Read(await bot.Staff("操作记录"));
        Assert.Contains("校验失败：哈希链在第 1 条记录处断开", text);
        Assert.DoesNotContain("校验通过", text);

        records.Update(original);
        Assert.Contains("校验通过：共 6 条记录", ReportBot.Read(await bot.Staff("操作记录")));

        // Removing a record breaks the link of the one after it.
        records.Delete(3);
        Assert.Contains("校验失败：哈希链在第 4 条记录处断开", ReportBot.Read(await bot.Staff("操作记录")));
    }

    [Fact]
    public async Task Members_and_the_public_are_refused()
    {
        using var bot = Bot();
        await ActAsync(bot);

        var member = ReportBot.Read(await bot.Member("操作记录"));
        Assert.Contains("抱歉，您没有使用此功能的权限", member);
        Assert.DoesNotContain("report.transition", member);
        var visitor = ReportBot.Read(await bot.Public("audit", aadObjectId: ReportBot.StaffAad));
        Assert.Contains("抱歉，您没有使用此功能的权限", visitor);
        Assert.DoesNotContain("report.transition", visitor);
    }

    public void Dispose() => _db.Dispose();
}
