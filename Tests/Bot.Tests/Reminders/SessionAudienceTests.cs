using System.Text.RegularExpressions;
using Cppcc.Bot.Tests.Reports;
using Cppcc.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Reminders;

/// <summary>
/// A session for one group is that group's: only its members see it in 学习安排 and may answer it, so an answer from
/// outside never turns into attendance points in 我的履职. Staff see every session.
/// </summary>
public sealed class SessionAudienceTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(Start);

    public void Dispose() => _db.Dispose();

    private static JObject Session(string title, string audience) => new()
    {
        ["action"] = "session.create",
        ["title"] = title,
        ["startsAt"] = Start.AddDays(2).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz"),
        ["location"] = "区政协三楼会议室",
        ["audience"] = audience,
    };

    private static JObject Rsvp(string id) => new() { ["action"] = "session.rsvp", ["sessionId"] = id, ["response"] = "attend" };

    [Fact]
    public async Task A_member_outside_a_group_session_neither_sees_nor_answers_it_and_earns_nothing_for_it()
    {
        using var bot = new ReportBot(_db, services: s => s.AddSingleton<TimeProvider>(_time));
        await bot.Member("你好");
        await bot.Member("你好", user: "m2", name: "李委员");
        Assert.Contains("共 1 人", ReportBot.Read(await bot.Staff("",
            new JObject { ["action"] = "group.set", ["name"] = "民盟", ["kind"] = "界别", ["members"] = "张委员" })));
        var group = Regex.Match(ReportBot.Read(await bot.Staff("", Session("民盟界别学习", "民盟"))), @"HD-\d{4}-\d{4}").Value;
        Assert.NotEmpty(group);
        Assert.Matches(@"HD-\d{4}-\d{4}", ReportBot.Read(await bot.Staff("", Session("全体委员集中学习", "all"))));

        var outsider = ReportBot.Read(await bot.Member("学习安排", user: "m2", name: "李委员"));
        var refused = ReportBot.Read(await bot.Member("", Rsvp(group), user: "m2", name: "李委员"));

        Assert.Contains("全体委员集中学习", outsider);
        Assert.DoesNotContain("民盟界别学习", outsider);
        Assert.Contains("不在您的参加范围内", refused);
        Assert.DoesNotContain("已记录", refused);
        Assert.Contains("民盟界别学习", ReportBot.Read(await bot.Member("学习安排")));
        Assert.Contains("民盟界别学习", ReportBot.Read(await bot.Staff("学习安排")));
        Assert.Contains("已记录：您将参加“民盟界别学习”", ReportBot.Read(await bot.Member("", Rsvp(group))));

        _time.Advance(TimeSpan.FromDays(5));
        Assert.Contains("学习活动：参加 0 次", ReportBot.Read(await bot.Member("我的履职", user: "m2", name: "李委员")));
        Assert.Contains("学习活动：参加 1 次", ReportBot.Read(await bot.Member("我的履职")));
        Assert.DoesNotContain("李委员", ReportBot.Read(await bot.Staff("出席情况 " + group)));
    }
}
