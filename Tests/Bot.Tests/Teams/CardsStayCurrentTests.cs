using System.Text;
using System.Text.RegularExpressions;
using Cppcc.Bot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Teams;

/// <summary>
/// A click on a card (Teams sends the submit with <c>replyToId</c> = the card's id) updates that card in place through
/// the Connector's UpdateActivity, instead of adding messages under it.
/// </summary>
public sealed class CardsStayCurrentTests : IAsyncLifetime
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
            Roster = [("29:" + TeamsScenario.StaffAad, TeamsScenario.StaffAad, "机关干部"), ("29:m1", "m1", "委员m1")],
        });
        // A slow progress refresh: the broadcast cannot finish (and skip its progress card) before the turn ends.
        _bot = new BotFactory(_db, TeamsScenario.Settings(new() { ["Broadcasts:ProgressInterval"] = "00:05:00" }));
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

    private JObject Click(string aad, JObject value, string cardId)
    {
        var activity = TeamsWire.Message("", aad, value: value, replyToId: cardId, serviceUrl: _stub.ServiceUrl);
        activity["conversation"]!["id"] = TeamsScenario.Conversation(aad);
        return activity;
    }

    [Fact]
    public async Task A_transition_updates_the_clicked_report_card_and_drops_the_buttons_that_no_longer_apply()
    {
        await _teams.RegisterAsync(TeamsScenario.StaffAad);
        var filed = await _teams.SubmitAsync("m1", new JObject
        {
            ["action"] = "report.submit",
            ["kind"] = "report",
            ["title"] = "学校门口上下学拥堵",
            ["category"] = "教育",
            ["content"] = "每天上下学时段校门口车辆拥堵。",
            ["suggestion"] = "增设交通协管员。",
        });
        var reference = Regex.Match(filed.ToString(), @"SQ-\d{4}-\d{6}").Value;

        var cardId = _stub.Delivered(TeamsScenario.Conversation(TeamsScenario.StaffAad));
        var replies = await BotFactory.SendAsync(_client, Click(TeamsScenario.StaffAad,
            new JObject { ["action"] = "report.transition", ["ref"] = reference, ["to"] = "returned", ["note"] = "请补充具体路段" }, cardId));

        var update = Assert.Single(_stub.To(TeamsScenario.Conversation(TeamsScenario.StaffAad)), r => r.Method == "PUT");
        Assert.Equal(cardId, update.ActivityId);
        var card = JObject.Parse(update.Body)["attachments"]![0]!["content"]!;
        Assert.Contains("已退回", card.ToString());
        var buttons = card.SelectTokens("actions[*].title").Select(t => (string?)t).ToList();
        Assert.DoesNotContain("退回", buttons);
        Assert.DoesNotContain("通过", buttons);
        Assert.DoesNotContain(replies, r => r["attachments"] is JArray { Count: > 0 });
    }

    [Fact]
    public async Task An_rsvp_updates_the_reminder_card_with_the_answer_and_only_the_button_that_changes_it()
    {
        var created = TeamsScenario.Text(await _teams.SubmitAsync(TeamsScenario.StaffAad, new JObject
        {
            ["action"] = "session.create",
            ["title"] = "学习贯彻全会精神",
            ["kind"] = "study",
            ["startsAt"] = DateTimeOffset.UtcNow.AddDays(3).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz"),
            ["location"] = "区政协三楼会议室",
            ["recurrence"] = "none",
            ["audience"] = "all",
        }));
        var id = Regex.Match(created, @"[A-Z]{2}-\d{4}-\d{4}").Value;

        var cardId = _stub.Delivered(TeamsScenario.Conversation("m1"));
        var replies = await BotFactory.SendAsync(_client, Click("m1", new JObject { ["action"] = "session.rsvp", ["sessionId"] = id, ["response"] = "attend" }, cardId));

        var update = Assert.Single(_stub.To(TeamsScenario.Conversation("m1")), r => r.Method == "PUT");
        Assert.Equal(cardId, update.ActivityId);
        var card = JObject.Parse(update.Body)["attachments"]![0]!["content"]!;
        Assert.Contains("您将参加", card.ToString());
        Assert.Equal(new[] { "改为请假" }, card.SelectTokens("actions[*].title").Select(t => (string?)t));
        Assert.Empty(replies);
    }

    [Fact]
    public async Task A_broadcast_says_it_started_before_its_progress_card_arrives()
    {
        await _teams.RegisterAsync("m1");
        await _teams.RegisterAsync(TeamsScenario.StaffAad);
        var staff = TeamsScenario.Conversation(TeamsScenario.StaffAad);
        var before = _stub.To(staff).Count;

        // Normal Teams delivery (no expectReplies): the replies go to the Connector in the order the bot sends them.
        var activity = _teams.Message(TeamsScenario.StaffAad, value: new JObject { ["action"] = "broadcast.send", ["text"] = "周五集中学习", ["audience"] = "all" });
        using var response = await _client.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();

        var posts = _stub.To(staff).Skip(before).Where(r => r.Method == "POST").Select(r => r.Body).ToList();
        var started = posts.FindIndex(b => b.Contains("已开始发送"));
        var progress = posts.FindIndex(b => b.Contains("发送进度"));
        Assert.True(started >= 0 && progress > started, string.Join("\n---\n", posts));
    }
}
