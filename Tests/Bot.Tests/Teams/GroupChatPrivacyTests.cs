using System.Text.RegularExpressions;
using Cppcc.Bot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Teams;

/// <summary>
/// Commands that show one person's records answer in a group chat or channel only with a pointer to the personal chat:
/// everyone there would read the reply, a report's details and the author's phone number included.
/// </summary>
public sealed class GroupChatPrivacyTests : IAsyncLifetime
{
    private const string Phone = "13800138000";

    private readonly TempDatabase _db = new();
    private ConnectorStub _stub = null!;
    private BotFactory _bot = null!;
    private HttpClient _client = null!;
    private TeamsScenario _teams = null!;

    public async Task InitializeAsync()
    {
        _stub = await ConnectorStub.StartAsync();
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

    [Theory]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public async Task Reports_records_and_staff_lists_stay_out_of_shared_conversations(string conversationType)
    {
        var filed = TeamsScenario.Text(await _teams.SubmitAsync("m1", new JObject
        {
            ["action"] = "report.submit",
            ["kind"] = "report",
            ["category"] = "教育",
            ["title"] = "学校门口拥堵",
            ["content"] = "每天上下学时段校门口车辆拥堵。",
            ["suggestion"] = "增设交通协管员。",
            ["contactPhone"] = Phone,
        }));
        var reference = Regex.Match(filed, @"SQ-\d{4}-\d{6}").Value;
        Assert.NotEmpty(reference);

        var asked = new (string Aad, string Text)[]
        {
            ("m1", "我的社情民意"), ("m1", "查询 " + reference), ("m1", "我的履职"),
            (TeamsScenario.StaffAad, "查询 " + reference), (TeamsScenario.StaffAad, "待办"), (TeamsScenario.StaffAad, "操作记录"),
        };
        foreach (var (aad, text) in asked)
        {
            var shared = TeamsScenario.Text(await BotFactory.SendAsync(_client, TeamsWire.Message(text, aad, conversationType)));
            Assert.Contains("只在您与助手的私聊中显示", shared);
            Assert.DoesNotContain("学校门口拥堵", shared);
            Assert.DoesNotContain(Phone, shared);
        }

        // The same commands still answer in the personal chat: the staff member sees the report and its contact.
        var personal = TeamsScenario.Text(await _teams.SayAsync(TeamsScenario.StaffAad, "查询 " + reference));
        Assert.Contains("学校门口拥堵", personal);
        Assert.Contains(Phone, personal);
    }
}
