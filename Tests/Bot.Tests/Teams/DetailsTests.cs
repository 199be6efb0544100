using System.Text.RegularExpressions;
using Cppcc.Bot.Tests.Reports;
using Cppcc.Bot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Teams;

/// <summary>Times in China time, session ids that do not look like placeholders, attendance with non-answers, no access codes for members.</summary>
public sealed class DetailsTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private ConnectorStub _stub = null!;
    private BotFactory _bot = null!;
    private HttpClient _client = null!;
    private TeamsScenario _teams = null!;

    public async Task InitializeAsync()
    {
        _stub = await ConnectorStub.StartAsync(new ConnectorStubOptions
        {
            Roster = [("29:" + TeamsScenario.StaffAad, TeamsScenario.StaffAad, "机关干部"), ("29:m1", "m1", "委员m1"), ("29:m2", "m2", "委员m2")],
        });
        _bot = new BotFactory(_db, TeamsScenario.Settings());
        _client = _bot.CreateClient();
        _teams = new TeamsScenario(_client, _stub);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _stub.DisposeAsync();
        _db.Dispose();
    }

    private async Task<string> CreateSessionAsync(DateTimeOffset startsAt)
    {
        var reply = TeamsScenario.Text(await _teams.SubmitAsync(TeamsScenario.StaffAad, new JObject
        {
            ["action"] = "session.create",
            ["title"] = "学习贯彻全会精神",
            ["kind"] = "study",
            ["startsAt"] = startsAt.ToString("yyyy-MM-ddTHH:mm:sszzz"),
            ["location"] = "区政协三楼会议室",
            ["recurrence"] = "none",
            ["audience"] = "all",
        }));
        return reply;
    }

    [Fact]
    public async Task A_session_entered_in_another_zone_is_shown_in_China_time_with_a_real_looking_id()
    {
        var year = DateTimeOffset.UtcNow.Year + 1;
        var reply = await CreateSessionAsync(new DateTimeOffset(year, 3, 2, 6, 30, 0, TimeSpan.Zero));

        Assert.Contains($"{year}年3月2日", reply);
        Assert.Contains("14:30", reply); // 06:30 UTC is 14:30 in Beijing
        Assert.DoesNotContain("UTC", reply);
        Assert.Matches($@"HD-{year}-0001", reply);
        Assert.DoesNotContain("XX-", reply);
    }

    [Fact]
    public async Task Attendance_and_its_csv_list_the_members_who_have_not_answered()
    {
        foreach (var m in new[] { "m1", "m2" })
        {
            await _teams.RegisterAsync(m);
        }

        var id = Regex.Match(await CreateSessionAsync(DateTimeOffset.UtcNow.AddDays(5)), @"HD-\d{4}-\d{4}").Value;
        await _teams.SubmitAsync("m1", new JObject { ["action"] = "session.rsvp", ["sessionId"] = id, ["response"] = "attend" });

        var replies = await _teams.SayAsync(TeamsScenario.StaffAad, "出席情况 " + id);

        var text = TeamsScenario.Text(replies);
        Assert.Contains("委员m1：参加", text);
        Assert.Contains("委员m2：未回复", text);
        var url = Regex.Match(replies.ToString(), @"https?://[^""\s]+/exports/[\w\-.]+").Value;
        Assert.True(url.Length > 0, replies.ToString());
        var csv = await _client.GetStringAsync(new Uri(url).PathAndQuery);
        Assert.Contains("委员m2", csv);
        Assert.Contains("未回复", csv);
    }

    [Theory]
    [InlineData("查询")]
    [InlineData("查询 SQ-2026-999999")]
    public async Task Members_are_never_told_about_access_codes_which_stay_for_the_public(string text)
    {
        using var database = new TempDatabase();
        using var bot = new ReportBot(database);

        Assert.DoesNotContain("查询码", string.Join("\n", TeamsWire.Texts(await BotFactory.SendAsync(bot.Client, TeamsWire.Message(text, "m1")))));
        Assert.Contains("查询码", ReportBot.Read(await bot.Public(text)));
    }
}
