using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cppcc.Bot.Tests.WebChat;

public sealed class DirectLineTokenTests
{
    [Fact]
    public async Task Each_token_is_short_lived_and_opens_its_own_conversation()
    {
        await using var host = new WebChatHost();
        var client = host.DirectLine();

        var first = await client.GenerateAsync();
        var second = await client.GenerateAsync();

        Assert.NotEqual(first.ConversationId, second.ConversationId);
        Assert.Equal(1800, first.ExpiresIn);
    }

    [Fact]
    public async Task An_expired_token_is_refused_and_a_refreshed_one_keeps_the_conversation()
    {
        await using var host = new WebChatHost();
        var client = host.DirectLine();
        var grant = await client.StartAsync();

        host.Time.Advance(TimeSpan.FromMinutes(15));
        using var refresh = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", grant.Token);
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var refreshed = await refresh.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(grant.ConversationId, refreshed.GetProperty("conversationId").GetString());
        var renewed = grant with { Token = refreshed.GetProperty("token").GetString()! };
        await client.PollAsync(renewed);

        host.Time.Advance(TimeSpan.FromMinutes(16));
        using var expired = await client.SendAsync(HttpMethod.Get, DirectLineClient.ActivitiesPath(grant), grant.Token);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Contains("过期", await DirectLineClient.ErrorMessageAsync(expired));

        var (activities, _) = await client.PollAsync(renewed);
        Assert.NotEmpty(activities);
    }

    [Fact]
    public async Task A_token_opens_only_its_own_conversation()
    {
        await using var host = new WebChatHost();
        var client = host.DirectLine();
        var alice = await client.StartAsync();
        var bob = await client.StartAsync();
        await client.SayAsync(alice, "我家楼下路灯坏了");

        using var read = await client.SendAsync(HttpMethod.Get, DirectLineClient.ActivitiesPath(alice), bob.Token);
        using var write = await client.PostActivityAsync(alice, new { type = "message", text = "冒充" }, token: bob.Token);
        using var stream = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{alice.ConversationId}", bob.Token);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, stream.StatusCode);
        var (bobSees, _) = await client.PollAsync(bob);
        Assert.DoesNotContain(bobSees, a => a.GetRawText().Contains("路灯"));
        var (aliceSees, _) = await client.PollAsync(alice);
        Assert.DoesNotContain(aliceSees, a => a.GetRawText().Contains("冒充"));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("not-a-token", HttpStatusCode.Unauthorized)]
    [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJjb252IjoieCIsInVzZXIiOiJ5In0.c2lnbmF0dXJl", HttpStatusCode.Unauthorized)]
    public async Task Missing_or_forged_tokens_are_refused(string? token, HttpStatusCode expected)
    {
        await using var host = new WebChatHost();
        var client = host.DirectLine();

        using var response = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains("令牌", await DirectLineClient.ErrorMessageAsync(response));
    }
}
