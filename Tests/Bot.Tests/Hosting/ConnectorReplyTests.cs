using System.Text;
using Cppcc.Bot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Hosting;

/// <summary>Teams posts a turn without expectReplies and reads the bot's answer from the Connector, not from the response.</summary>
public sealed class ConnectorReplyTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private ConnectorStub _stub = null!;

    public async Task InitializeAsync() => _stub = await ConnectorStub.StartAsync();

    public async Task DisposeAsync()
    {
        await _stub.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task A_Teams_turn_is_answered_by_a_reply_posted_to_the_conversation_through_the_Connector()
    {
        await using var bot = new BotFactory(_db);
        var client = bot.CreateClient();
        var turn = BotFactory.TeamsMessage("菜单", conversationId: "a:personal-connector");
        turn["serviceUrl"] = _stub.ServiceUrl;

        using var response = await client.PostAsync("/api/messages", new StringContent(turn.ToString(), Encoding.UTF8, "application/json"));

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        Assert.DoesNotContain("\"activities\"", await response.Content.ReadAsStringAsync());
        // POST /v3/conversations/{id}/activities/{replyToId}: the SDK's reply to the user's message, sent within the turn.
        var reply = Assert.Single(_stub.Requests, r => r.Method == "POST" && r.ConversationId == "a:personal-connector");
        Assert.Equal(200, reply.Status);
        Assert.Equal((string)turn["id"]!, reply.ActivityId);
        var posted = JObject.Parse(reply.Body);
        Assert.Equal((string)turn["id"]!, (string?)posted["replyToId"]);
        Assert.Equal("29:member-1", (string?)posted["recipient"]?["id"]);
        // The same answer an expectReplies turn gets in its response body.
        var expected = Assert.Single(await BotFactory.SendAsync(client, BotFactory.TeamsMessage("菜单", conversationId: "a:personal-expect")));
        Assert.Equal((string?)expected["text"], (string?)posted["text"]);
        Assert.Equal(expected["attachments"]?.ToString(), posted["attachments"]?.ToString());
    }
}
