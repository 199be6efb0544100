using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.Teams;

/// <summary>
/// In a group chat or channel everyone writes to the same conversation: a dialog one person started is theirs alone, so
/// nobody else can answer its questions (a member finishing a staff member's notice would send it to every member).
/// </summary>
public sealed class SharedConversationDialogTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private ConnectorStub _stub = null!;
    private BotFactory _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _stub = await ConnectorStub.StartAsync();
        _bot = new BotFactory(_db, TeamsScenario.Settings());
        _client = _bot.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _stub.DisposeAsync();
        _db.Dispose();
    }

    private async Task<string> SayAsync(string aad, string text, string conversationType)
        => TeamsScenario.Text(await BotFactory.SendAsync(_client, TeamsWire.Message(text, aad, conversationType, serviceUrl: _stub.ServiceUrl)));

    [Theory]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public async Task A_member_cannot_answer_the_notice_a_staff_member_is_writing_in_a_shared_conversation(string conversationType)
    {
        var teams = new TeamsScenario(_client, _stub);
        await teams.RegisterAsync("m1");
        await teams.RegisterAsync("m2");
        Assert.Contains("请输入通知内容", await SayAsync(TeamsScenario.StaffAad, "通知", conversationType));

        // The member's words are theirs: a question or command, never the staff member's notice.
        Assert.DoesNotContain("需要附带链接吗", await SayAsync("m1", "委员冒充的通知", conversationType));
        await SayAsync("m1", "无", conversationType);
        Assert.DoesNotContain("已开始发送", await SayAsync("m1", "发送", conversationType));
        await _bot.DeliveryIdleAsync();
        Assert.DoesNotContain(_stub.Requests, r => r.Body.Contains("委员冒充的通知"));

        // The staff member's dialog waits for them, at the step they left it.
        Assert.Contains("需要附带链接吗", await SayAsync(TeamsScenario.StaffAad, "本周五下午集中学习", conversationType));
    }
}
