using System.Net;
using System.Text.RegularExpressions;
using Cppcc.Bot.Audit;
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
            ["action"] = "session.create",
            ["title"] = "集中学习",
            ["kind"] = "study",
            ["startsAt"] = "2026-06-03T09:00:00+08:00",
            ["location"] = "区政协三楼会议室",
            ["recurrence"] = "none",
            ["audience"] = "all",
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
        Assert.Contains("#6 2026-06-01 10:00:00 王干部：export.download report.csv 2026-01-01..2026-12-31", text);
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

    /// <summary>
    /// The bot stops, someone opens its LiteDB file with LiteDB itself and changes the trail, the bot starts again:
    /// each kind of change is named, and an untouched file still verifies after the restart.
    /// </summary>
    [Theory]
    [InlineData("none", "校验通过：共 6 条记录，哈希链完整。")]
    [InlineData("edit", "校验失败：哈希链在第 2 条记录处断开")]
    [InlineData("insert", "校验失败：哈希链在第 7 条记录处断开")]
    [InlineData("delete-middle", "校验失败：哈希链在第 4 条记录处断开")]
    [InlineData("delete-newest", "校验失败：从第 6 条起的最新记录已缺失（现存 5 条）")]
    public async Task A_record_changed_in_the_database_file_while_the_bot_was_stopped_is_detected(string change, string verdict)
    {
        using (var bot = Bot())
        {
            await ActAsync(bot);
            // The broadcast's sends (to an address that refuses them) write to the file too: let them settle first.
            await bot.Factory.DeliveryIdleAsync();
        }

        // Taking the bot's own lock proves it has let go of the file before anyone else writes to it.
        using (await LockFileAsync())
        using (var file = _db.Open())
        {
            var records = file.GetCollection<StoredAuditRecord>("audit_trail");
            switch (change)
            {
                case "edit":
                    var edited = records.FindById(2);
                    edited.After = "集中学习 · 2026-06-09 09:00 +08:00 · 区政协三楼会议室 · all";
                    records.Update(edited);
                    break;
                case "insert":
                    // A forger who knows the hash rule appends a well-linked record: only the head kept apart shows it.
                    var last = records.FindById(6);
                    var forged = new StoredAuditRecord
                    {
                        Id = 7,
                        AtUnixMs = last.AtUnixMs,
                        ActorKey = last.ActorKey,
                        ActorName = "王干部",
                        Action = "report.transition",
                        Target = "SQ-2026-000001",
                        Before = "accepted",
                        After = "adopted",
                        PreviousHash = last.Hash,
                    };
                    forged.Hash = AuditStore.HashOf(forged, last.Hash);
                    records.Insert(forged);
                    break;
                case "delete-middle":
                    records.Delete(3);
                    break;
                case "delete-newest":
                    records.Delete(6);
                    break;
            }
        }

        using var restarted = await RestartAsync();
        var text = ReportBot.Read(await restarted.Staff("操作记录"));
        Assert.Contains(verdict, text);
    }

    /// <summary>
    /// The bot's lock on the file, and a new host on the same file. On a loaded machine a host that was disposed has now
    /// and then not let go of the lock file the moment Dispose returns, so both are tried a few times (it is the OS
    /// lock, not a clock, being waited on).
    /// </summary>
    private async Task<Cppcc.Bot.Storage.DatabaseLock> LockFileAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return Cppcc.Bot.Storage.DatabaseLock.Acquire(_db.FilePath);
            }
            catch (Cppcc.Bot.Hosting.StartupProblem) when (attempt < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300));
            }
        }
    }

    private async Task<ReportBot> RestartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var bot = Bot();
                await bot.Staff("菜单");
                return bot;
            }
            catch (Cppcc.Bot.Hosting.StartupProblem) when (attempt < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300));
            }
        }
    }

    [Fact]
    public async Task The_newest_record_deleted_while_the_bot_runs_is_detected_even_with_the_head_rewritten()
    {
        using var bot = Bot();
        await ActAsync(bot);
        var database = bot.Factory.Services.GetRequiredService<ILiteDatabase>();
        var fifth = database.GetCollection<StoredAuditRecord>("audit_trail").FindById(5);
        database.GetCollection<StoredAuditRecord>("audit_trail").Delete(6);
        database.GetCollection<AuditHead>("audit_head").Upsert(new AuditHead { Id = 1, Count = 5, Hash = fifth.Hash });

        Assert.Contains("校验失败：从第 6 条起的最新记录已缺失（现存 5 条）", ReportBot.Read(await bot.Staff("操作记录")));

        // The next action does not close the gap: it is chained to the record that was deleted.
        await bot.Staff("", new JObject { ["action"] = "broadcast.send", ["text"] = "明天上午集中学习。", ["audience"] = "all" });
        Assert.Contains("校验失败：哈希链在第 7 条记录处断开", ReportBot.Read(await bot.Staff("操作记录")));
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
