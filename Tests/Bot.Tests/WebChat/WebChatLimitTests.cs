using System.Net;
using System.Text.Json;

namespace Cppcc.Bot.Tests.WebChat;

public sealed class WebChatLimitTests
{
    [Fact]
    public async Task Too_long_a_message_is_refused_in_Chinese_and_never_reaches_the_bot()
    {
        await using var host = new WebChatHost(("WebChat:MaxTextLength", "50"));
        var client = host.DirectLine();
        var grant = await client.StartAsync();
        var (_, watermark) = await client.PollAsync(grant);

        using var response = await client.PostActivityAsync(grant, new { type = "message", text = new string('长', 51) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("50", await DirectLineClient.ErrorMessageAsync(response));
        var (after, _) = await client.PollAsync(grant, watermark);
        var notice = Assert.Single(after);
        Assert.Contains("消息太长", Text(notice));
    }

    [Fact]
    public async Task An_oversized_body_gets_413_not_500()
    {
        await using var host = new WebChatHost(("WebChat:MaxActivityBytes", "2048"));
        var client = host.DirectLine();
        var grant = await client.StartAsync();

        using var response = await client.PostActivityAsync(grant, new { type = "message", text = "hi", value = new { content = new string('x', 4000) } });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("过大", await DirectLineClient.ErrorMessageAsync(response));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"type\":\"message\"}")]
    [InlineData("{\"type\":\"invoke\",\"text\":\"x\"}")]
    [InlineData("{\"type\":\"message\",\"text\":42}")]
    [InlineData("[1,2]")]
    [InlineData("{\"type\":{\"a\":1},\"text\":\"x\"}")]
    [InlineData("{\"type\":[1],\"text\":\"x\"}")]
    public async Task A_malformed_activity_gets_400_in_Chinese(string body)
    {
        await using var host = new WebChatHost();
        var client = host.DirectLine();
        var grant = await client.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, DirectLineClient.ActivitiesPath(grant))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", grant.Token);

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("无法识别", await DirectLineClient.ErrorMessageAsync(response));
    }

    [Fact]
    public async Task A_conversation_sending_too_fast_is_slowed_with_a_Chinese_notice()
    {
        await using var host = new WebChatHost(("WebChat:ConversationMessageBurst", "3"), ("WebChat:ConversationMessagesPerMinute", "1"));
        var client = host.DirectLine();
        var grant = await client.StartAsync();
        var other = await client.StartAsync();

        for (var i = 0; i < 3; i++)
        {
            await client.SayAsync(grant, $"第{i}条");
        }

        using var refused = await client.PostActivityAsync(grant, new { type = "message", text = "第4条" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("频繁", await DirectLineClient.ErrorMessageAsync(refused));
        var (seen, _) = await client.PollAsync(grant);
        Assert.Contains(seen, a => Text(a).Contains("太快"));
        Assert.DoesNotContain(seen, a => Text(a) == "第4条");
        await client.SayAsync(other, "另一位访客不受影响");
    }

    [Fact]
    public async Task One_address_cannot_open_conversations_without_end()
    {
        await using var host = new WebChatHost(("WebChat:ClientConversationBurst", "2"), ("WebChat:ClientConversationsPerMinute", "1"));
        var client = host.DirectLine();
        await client.GenerateAsync();
        await client.GenerateAsync();

        using var refused = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", null);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("请稍后再试", await DirectLineClient.ErrorMessageAsync(refused));
    }

    [Fact]
    public async Task One_address_cannot_flood_requests()
    {
        await using var host = new WebChatHost(("WebChat:ClientRequestBurst", "5"), ("WebChat:ClientRequestsPerSecond", "1"));
        var client = host.DirectLine();
        var grant = await client.StartAsync(); // 2 requests

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var poll = await client.SendAsync(HttpMethod.Get, DirectLineClient.ActivitiesPath(grant), grant.Token);
            statuses.Add(poll.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    private static string Text(JsonElement activity) => activity.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "";
}
