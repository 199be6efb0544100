using System.Text.RegularExpressions;
using Cppcc.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Reminders;

public sealed class ReminderTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(Start);
    private ConnectorStub _stub = null!;
    private BotFactory? _running;

    public async Task InitializeAsync() => _stub = await ConnectorStub.StartAsync(new ConnectorStubOptions { Time = _time });

    public async Task DisposeAsync()
    {
        await _stub.DisposeAsync();
        _db.Dispose();
    }

    private BotFactory Bot(params string[] leadTimes)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < leadTimes.Length; i++)
        {
            settings["Reminders:LeadTimes:" + i] = leadTimes[i];
        }

        return _running = new BotFactory(_db, TeamsScenario.Settings(settings), s => s.AddSingleton<TimeProvider>(_time));
    }

    private static JObject Create(DateTimeOffset startsAt, string recurrence = "none") => new()
    {
        ["action"] = "session.create",
        ["title"] = "学习贯彻全会精神",
        ["kind"] = "study",
        ["startsAt"] = startsAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz"),
        ["location"] = "区政协三楼会议室",
        ["recurrence"] = recurrence,
        ["audience"] = "all",
    };

    private List<StubRequest> Reminders(string aad) =>
        _stub.To(TeamsScenario.Conversation(aad)).Where(r => r.Method == "POST" && r.Body.Contains("学习提醒")).ToList();

    /// <summary>The running bot's reminder scheduler and delivery engine are parked: every due reminder was queued and sent.</summary>
    private Task IdleAsync() => _running!.Services.GetRequiredService<Cppcc.Bot.Delivery.BackgroundActivity>().WaitUntilIdleAsync();

    /// <summary>Moves the fake clock in steps, each only once the bot is idle, until <paramref name="done"/>.</summary>
    private async Task AdvanceUntilAsync(Func<bool> done, TimeSpan max, TimeSpan? step = null)
    {
        var until = _time.GetUtcNow() + max;
        while (true)
        {
            await IdleAsync();
            if (done())
            {
                return;
            }

            Assert.True(_time.GetUtcNow() < until, "condition not met within " + max);
            _time.Advance(step ?? TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>Moves the fake clock by <paramref name="by"/> in idle-gated steps; returns with the bot idle.</summary>
    private async Task AdvanceAsync(TimeSpan by, TimeSpan? step = null)
    {
        var until = _time.GetUtcNow() + by;
        var stepBy = step ?? TimeSpan.FromMilliseconds(250);
        while (true)
        {
            await IdleAsync();
            var left = until - _time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            _time.Advance(left < stepBy ? left : stepBy);
        }
    }

    [Fact]
    public async Task Members_get_a_reminder_at_each_lead_time_answer_it_and_staff_see_who_comes()
    {
        await using var bot = Bot("00:10:00", "00:02:00");
        var teams = new TeamsScenario(bot.CreateClient(), _stub);
        await teams.RegisterAsync("m1");
        await teams.RegisterAsync("m2");
        var reply = TeamsScenario.Text(await teams.SubmitAsync(TeamsScenario.StaffAad, Create(Start.AddMinutes(15))));
        var id = Regex.Match(reply, @"HD-\d{4}-\d{4}").Value;
        Assert.True(id.Length > 0, reply);

        await AdvanceAsync(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));
        Assert.Empty(Reminders("m1"));
        await AdvanceUntilAsync(() => Reminders("m1").Count == 1 && Reminders("m2").Count == 1, TimeSpan.FromSeconds(10));
        var due = Start.AddMinutes(5);
        Assert.All(Reminders("m1").Concat(Reminders("m2")), r => Assert.InRange(r.At, due, due.AddSeconds(5)));
        Assert.Contains("session.rsvp", Reminders("m1")[0].Body);
        Assert.Contains(id, Reminders("m1")[0].Body);

        await AdvanceAsync(TimeSpan.FromMinutes(8) - TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
        Assert.Single(Reminders("m1"));
        await AdvanceUntilAsync(() => Reminders("m1").Count == 2 && Reminders("m2").Count == 2, TimeSpan.FromSeconds(10));

        var attend = await teams.SubmitAsync("m1", new JObject { ["action"] = "session.rsvp", ["sessionId"] = id, ["response"] = "attend" });
        var absent = await teams.SubmitAsync("m2", new JObject { ["action"] = "session.rsvp", ["sessionId"] = id, ["response"] = "absent" });
        Assert.Contains("您将参加", TeamsScenario.Text(attend));
        Assert.Contains("请假", TeamsScenario.Text(absent));

        var attendance = await teams.SayAsync(TeamsScenario.StaffAad, "出席情况 " + id);
        var text = TeamsScenario.Text(attendance);
        Assert.Contains("参加 1 人，请假 1 人", text);
        Assert.Contains("委员m1：参加", text);
        Assert.Contains("委员m2：请假", text);

        // Teams takes no inline files: staff get a card with a short-lived, staff-only link to the CSV.
        var url = Regex.Match(attendance.ToString(), @"https?://[^""\s]+/exports/[\w\-.]+").Value;
        Assert.True(url.Length > 0, attendance.ToString());
        var download = bot.CreateClient();
        var path = new Uri(url).PathAndQuery;
        var response = await download.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("姓名,用户,回复,回复时间(UTC)", csv[0]);
        Assert.Equal(4, csv.Length); // m1, m2 and the one member of the audience who has not answered
        Assert.Contains(csv, l => l.Contains(",未回复,", StringComparison.Ordinal));
        Assert.Contains(csv, l => l.StartsWith("委员m1,msteams:m1,参加,", StringComparison.Ordinal));
        Assert.Contains(csv, l => l.StartsWith("委员m2,msteams:m2,请假,", StringComparison.Ordinal));

        var asMember = await teams.SayAsync("m1", "出席情况 " + id);
        Assert.DoesNotContain("/exports/", asMember.ToString());
        Assert.DoesNotContain("委员m2：请假", TeamsScenario.Text(asMember));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await download.GetAsync(Tampered(path))).StatusCode);
        _time.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(System.Net.HttpStatusCode.Gone, (await download.GetAsync(path)).StatusCode);
    }

    /// <summary>The link with the first character of its signature changed.</summary>
    private static string Tampered(string path)
    {
        var dot = path.LastIndexOf('.') + 1;
        return path[..dot] + (path[dot] == 'A' ? 'B' : 'A') + path[(dot + 1)..];
    }

    [Fact]
    public async Task A_reminder_missed_while_the_bot_was_down_is_sent_once_at_start_up()
    {
        string id;
        await using (var first = Bot("00:10:00"))
        {
            var teams = new TeamsScenario(first.CreateClient(), _stub);
            await teams.RegisterAsync("m1");
            id = Regex.Match(TeamsScenario.Text(await teams.SubmitAsync(TeamsScenario.StaffAad, Create(Start.AddMinutes(30)))), @"HD-\d{4}-\d{4}").Value;
        }

        _time.Advance(TimeSpan.FromMinutes(25)); // the bot is down when the reminder falls due (minute 20)
        await using (var second = Bot("00:10:00"))
        {
            second.CreateClient();
            await AdvanceUntilAsync(() => Reminders("m1").Count == 1, TimeSpan.FromSeconds(10));
        }

        await using (var third = Bot("00:10:00"))
        {
            third.CreateClient();
            await AdvanceAsync(TimeSpan.FromSeconds(5));
        }
        Assert.Contains(id, Assert.Single(Reminders("m1")).Body);
    }

    [Fact]
    public async Task Cancelling_tells_only_those_already_reminded_and_recurring_sessions_get_their_next_occurrence()
    {
        await using var bot = Bot("00:10:00");
        var teams = new TeamsScenario(bot.CreateClient(), _stub);
        await teams.RegisterAsync("m1");
        var once = Regex.Match(TeamsScenario.Text(await teams.SubmitAsync(TeamsScenario.StaffAad, Create(Start.AddMinutes(12)))), @"HD-\d{4}-\d{4}").Value;
        var monthly = Regex.Match(TeamsScenario.Text(await teams.SubmitAsync(TeamsScenario.StaffAad, Create(Start.AddMinutes(40), "monthly"))), @"HD-\d{4}-\d{4}").Value;
        await AdvanceUntilAsync(() => Reminders("m1").Count == 1, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1));
        await teams.RegisterAsync("m2"); // joins after the reminder went out

        var cancelled = await teams.SayAsync(TeamsScenario.StaffAad, "取消学习 " + once);

        Assert.Contains("已取消", TeamsScenario.Text(cancelled));
        await AdvanceUntilAsync(() => _stub.To(TeamsScenario.Conversation("m1")).Any(r => r.Body.Contains("学习安排已取消")), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(_stub.To(TeamsScenario.Conversation("m2")), r => r.Body.Contains("已取消"));

        await AdvanceAsync(TimeSpan.FromMinutes(40), TimeSpan.FromSeconds(30));
        var list = TeamsScenario.Text(await teams.SayAsync("m1", "学习安排"));
        Assert.DoesNotContain(once, list);
        Assert.DoesNotContain(monthly, list);
        Assert.Contains("2026年12月27日", list); // the monthly session's next occurrence, same local time

        // Cancelling one occurrence keeps the series: the one after it is planned at once.
        var december = Regex.Match(list, @"HD-\d{4}-\d{4}").Value;
        await teams.SayAsync(TeamsScenario.StaffAad, "取消学习 " + december);
        var after = TeamsScenario.Text(await teams.SayAsync("m1", "学习安排"));
        Assert.DoesNotContain(december, after);
        Assert.Contains("2027年1月27日", after);
    }

    [Fact]
    public async Task Session_update_moves_the_session_and_it_is_reminded_again_at_the_new_time()
    {
        await using var bot = Bot("00:10:00");
        var teams = new TeamsScenario(bot.CreateClient(), _stub);
        await teams.RegisterAsync("m1");
        var id = Regex.Match(TeamsScenario.Text(await teams.SubmitAsync(TeamsScenario.StaffAad, Create(Start.AddMinutes(12)))), @"HD-\d{4}-\d{4}").Value;
        await AdvanceUntilAsync(() => Reminders("m1").Count == 1, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1));

        var moved = TeamsScenario.Text(await teams.SubmitAsync(TeamsScenario.StaffAad, new JObject
        {
            ["action"] = "session.update",
            ["sessionId"] = id,
            ["startsAt"] = Start.AddMinutes(60).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz"),
            ["location"] = "区政协五楼报告厅",
        }));

        Assert.Contains("已更新学习安排 " + id, moved);
        await AdvanceUntilAsync(() => _stub.To(TeamsScenario.Conversation("m1")).Any(r => r.Body.Contains("学习安排有变更") && r.Body.Contains("五楼报告厅")), TimeSpan.FromSeconds(10));
        await AdvanceAsync(Start.AddMinutes(50).AddSeconds(-5) - _time.GetUtcNow(), TimeSpan.FromSeconds(10));
        Assert.Single(Reminders("m1"));
        await AdvanceUntilAsync(() => Reminders("m1").Count == 2, TimeSpan.FromSeconds(15));
        Assert.InRange(Reminders("m1")[1].At, Start.AddMinutes(50), Start.AddMinutes(50).AddSeconds(5));
    }

    [Fact]
    public async Task A_member_cannot_create_a_session_and_bad_fields_are_named()
    {
        await using var bot = Bot("00:10:00");
        var teams = new TeamsScenario(bot.CreateClient(), _stub);

        var refused = TeamsScenario.Text(await teams.SubmitAsync("m1", Create(Start.AddDays(1))));
        var noTitle = Create(Start.AddDays(1));
        noTitle["title"] = "";
        var missing = TeamsScenario.Text(await teams.SubmitAsync(TeamsScenario.StaffAad, noTitle));
        var past = TeamsScenario.Text(await teams.SubmitAsync(TeamsScenario.StaffAad, Create(Start.AddDays(-1))));
        var list = TeamsScenario.Text(await teams.SayAsync("m1", "学习安排"));

        Assert.Contains("没有使用此功能的权限", refused);
        Assert.Contains("title", missing);
        Assert.Contains("startsAt", past);
        Assert.Contains("近期没有学习安排", list);
    }
}
