using System.Net;
using System.Text;
using Cppcc.Bot.Conversations;
using Cppcc.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Hosting;

public class MessagesEndpointTests : IDisposable
{
    private readonly TempDatabase _db = new();

    private BotFactory Factory() => new(_db, services: TestDialogs.Register);

    [Fact]
    public async Task ExpectReplies_returns_the_menu_card_in_the_response_body()
    {
        using var factory = new BotFactory(_db);
        var replies = await BotFactory.SendAsync(factory.CreateClient(), BotFactory.TeamsMessage("菜单"));

        var card = Assert.Single(replies)["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)card["contentType"]);
        Assert.Contains("主菜单", card["content"]!.ToString());
    }

    [Fact]
    public async Task A_question_gets_the_knowledge_base_answer_with_its_source()
    {
        using var factory = new BotFactory(_db);
        var replies = await BotFactory.SendAsync(factory.CreateClient(), BotFactory.TeamsMessage("集中学习多久组织一次"));

        var text = BotFactory.ReadableText(Assert.Single(replies));
        Assert.Contains("每月组织一次集中学习", text);
        Assert.Contains("来源：", text);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("")]
    public async Task Malformed_bodies_get_400(string body)
    {
        using var factory = new BotFactory(_db);
        var response = await factory.CreateClient().PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_oversized_body_gets_413()
    {
        using var factory = new BotFactory(_db);
        var activity = BotFactory.TeamsMessage(new string('长', 200_000));
        var response = await factory.CreateClient().PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_activity_types_are_accepted_and_ignored()
    {
        using var factory = new BotFactory(_db);
        var activity = BotFactory.TeamsMessage("菜单");
        activity["type"] = "somethingNew";
        var response = await factory.CreateClient().PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Healthz_answers_200_when_storage_answers()
    {
        using var factory = new BotFactory(_db);
        var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_senders_conversation_reference_is_stored_for_later_messages()
    {
        using var factory = new BotFactory(_db);
        await BotFactory.SendAsync(factory.CreateClient(), BotFactory.TeamsMessage("你好", conversationId: "a:conv-ref"));

        var reference = factory.Services.GetRequiredService<IConversationReferenceStore>().Find("msteams:aad-member-1");
        Assert.Equal("a:conv-ref", reference?.Conversation.Id);
        Assert.Equal("http://127.0.0.1:9/", reference?.ServiceUrl);
    }

    [Fact]
    public async Task A_failing_turn_apologises_in_Chinese_and_clears_the_dialog()
    {
        using var factory = Factory();
        var client = factory.CreateClient();
        var click = BotFactory.TeamsMessage("");
        click["value"] = new JObject { ["action"] = "test.explode" };

        var replies = await BotFactory.SendAsync(client, click);
        Assert.Contains(replies, r => ((string?)r["text"])?.Contains("出错了，请稍后再试。当前流程已重置") == true);

        // The dialog begun before the failure is gone: the next text is a question again, not an answer to it.
        var next = await BotFactory.SendAsync(client, BotFactory.TeamsMessage("集中学习多久组织一次"));
        Assert.Contains("每月组织一次集中学习", BotFactory.ReadableText(Assert.Single(next)));
    }

    [Fact]
    public async Task A_conversation_continues_at_the_same_step_after_the_bot_restarts()
    {
        using (var before = Factory())
        {
            var client = before.CreateClient();
            await BotFactory.SendAsync(client, BotFactory.TeamsMessage("两问"));
            var second = await BotFactory.SendAsync(client, BotFactory.TeamsMessage("教育界"));
            Assert.Contains("第二问", (string?)Assert.Single(second)["text"]);
        }

        using var after = Factory();
        var replies = await BotFactory.SendAsync(after.CreateClient(), BotFactory.TeamsMessage("教科卫体委员会"));
        Assert.Equal("记录：教育界 / 教科卫体委员会", (string?)Assert.Single(replies)["text"]);
    }

    public void Dispose() => _db.Dispose();
}
