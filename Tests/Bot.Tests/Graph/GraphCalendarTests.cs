using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Core;
using Cppcc.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Graph;

public sealed class GraphCalendarTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private ConnectorStub _connector = null!;
    private GraphStub _graph = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorStub.StartAsync();
        _graph = await GraphStub.StartAsync(new());
    }

    public async Task DisposeAsync()
    {
        await _graph.DisposeAsync();
        await _connector.DisposeAsync();
        _db.Dispose();
    }

    private List<(string Method, string Path, JsonObject? Body)> Calls(string method, string user) => _graph.Requests
        .Where(r => r.Method == method && r.Path.StartsWith($"/v1.0/users/{user}/events", StringComparison.Ordinal))
        .Select(r => (r.Method, r.Path, r.Body.Length > 0 ? JsonNode.Parse(r.Body)!.AsObject() : null)).ToList();

    private static DateTimeOffset ChinaTime(int daysAhead, int hour)
    {
        var china = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date.AddDays(daysAhead).AddHours(hour);
        return new DateTimeOffset(china, TimeSpan.FromHours(8));
    }

    [Fact]
    public async Task Sessions_appear_in_members_Outlook_calendars_and_follow_moves_and_cancellations()
    {
        var settings = TeamsScenario.Settings(new()
        {
            ["Graph:TenantId"] = "tenant-1",
            ["Graph:ClientId"] = "client-1",
            ["Graph:ClientSecret"] = "not-used-by-the-test",
            ["Graph:BaseUrl"] = _graph.BaseUrl,
            ["Graph:SyncInterval"] = "00:00:01",
        });
        await using var bot = new BotFactory(_db, settings, s => s.AddSingleton<TokenCredential>(new FixedGraphToken()));
        var teams = new TeamsScenario(bot.CreateClient(), _connector);
        await teams.RegisterAsync("m1");
        await teams.RegisterAsync("m2");
        _graph.CalendarDenied["m2"] = true; // m2's mailbox refuses at first: the staff's turn must not notice

        var start = ChinaTime(2, 15);
        var reply = TeamsScenario.Text(await teams.SubmitAsync(TeamsScenario.StaffAad, new JObject
        {
            ["action"] = "session.create",
            ["title"] = "学习贯彻全会精神",
            ["kind"] = "study",
            ["startsAt"] = start.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            ["location"] = "区政协三楼会议室",
            ["recurrence"] = "none",
            ["audience"] = "all",
        }));
        var id = Regex.Match(reply, @"HD-\d{4}-\d{4}").Value;
        Assert.True(id.Length > 0, reply);

        await TeamsScenario.WaitUntilAsync(() => Calls("POST", "m1").Count == 1 && Calls("POST", "m2").Count >= 1);
        var created = Assert.Single(Calls("POST", "m1")).Body!;
        Assert.Equal("【区政协集中学习】学习贯彻全会精神", (string?)created["subject"]);
        Assert.Equal(start.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), (string?)created["start"]!["dateTime"]);
        Assert.Equal("China Standard Time", (string?)created["start"]!["timeZone"]);
        Assert.Equal(start.AddHours(2).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), (string?)created["end"]!["dateTime"]);
        Assert.Equal("区政协三楼会议室", (string?)created["location"]!["displayName"]);
        Assert.Contains(id, (string?)created["body"]!["content"]);
        Assert.Equal("text", (string?)created["body"]!["contentType"]);
        Assert.False(string.IsNullOrEmpty((string?)created["transactionId"]));
        Assert.All(_graph.Requests, r => Assert.Equal("Bearer graph-test-token", r.Authorization));

        // m2's calendar works again: the next pass adds the event (once) without anyone asking.
        _graph.CalendarDenied.TryRemove("m2", out _);
        var deniedTries = Calls("POST", "m2").Count;
        await TeamsScenario.WaitUntilAsync(() => Calls("POST", "m2").Count == deniedTries + 1);
        await Task.Delay(1500);
        Assert.Equal(deniedTries + 1, Calls("POST", "m2").Count);
        Assert.Single(Calls("POST", "m1"));

        var moved = ChinaTime(3, 9);
        var movedReply = TeamsScenario.Text(await teams.SayAsync(TeamsScenario.StaffAad, $"改期 {id} {moved:yyyy-MM-dd HH:mm}"));
        Assert.Contains(id, movedReply);
        await TeamsScenario.WaitUntilAsync(() => Calls("PATCH", "m1").Count == 1 && Calls("PATCH", "m2").Count == 1);
        var patch = Assert.Single(Calls("PATCH", "m1"));
        Assert.StartsWith("/v1.0/users/m1/events/evt-m1-", patch.Path, StringComparison.Ordinal);
        Assert.StartsWith("/v1.0/users/m2/events/evt-m2-", Assert.Single(Calls("PATCH", "m2")).Path, StringComparison.Ordinal);
        Assert.Equal(moved.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), (string?)patch.Body!["start"]!["dateTime"]);
        Assert.Equal("China Standard Time", (string?)patch.Body!["start"]!["timeZone"]);

        await teams.SayAsync(TeamsScenario.StaffAad, "取消学习 " + id);
        await TeamsScenario.WaitUntilAsync(() => Calls("DELETE", "m1").Count == 1 && Calls("DELETE", "m2").Count == 1);
        Assert.Equal(patch.Path, Assert.Single(Calls("DELETE", "m1")).Path);
        await Task.Delay(1500);
        Assert.Single(Calls("DELETE", "m1"));
        Assert.Single(Calls("PATCH", "m1"));
    }
}
