using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Cppcc.Bot.Tests.WebChat;

public sealed class DirectLineConversationTests
{
    [Fact]
    public async Task Polling_with_the_watermark_returns_each_activity_once()
    {
        await using var host = new WebChatHost();
        var client = host.DirectLine();
        var grant = await client.StartAsync();

        var (greeting, afterGreeting) = await client.PollAsync(grant);
        var id = await client.SayAsync(grant, WebChatHost.Question);
        var (exchange, afterExchange) = await client.PollAsync(grant, afterGreeting);
        var (nothing, unchanged) = await client.PollAsync(grant, afterExchange);

        Assert.NotEmpty(greeting);
        Assert.Equal(id, exchange[0].GetProperty("id").GetString());
        Assert.Equal(WebChatHost.Question, exchange[0].GetProperty("text").GetString());
        Assert.Contains(WebChatHost.Answer, Assert.Single(DirectLineClient.RepliesTo(exchange, id)));
        Assert.DoesNotContain(exchange, a => greeting.Any(g => g.GetProperty("id").GetString() == a.GetProperty("id").GetString()));
        Assert.Empty(nothing);
        Assert.Equal(afterExchange, unchanged);
        Assert.DoesNotContain(exchange, a => a.GetRawText().Contains(".invalid"));
    }

    [Fact]
    public async Task The_stream_pushes_the_reply_without_polling()
    {
        await using var host = new WebChatHost();
        var client = host.DirectLine();
        var grant = await client.GenerateAsync();
        using var started = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", grant.Token);
        var streamUrl = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("streamUrl").GetString()!;
        Assert.StartsWith("ws://", streamUrl);

        var socket = await host.Server.CreateWebSocketClient().ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        var id = await client.SayAsync(grant, WebChatHost.Question);

        var pushed = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (DirectLineClient.RepliesTo(Activities(pushed), id).Length == 0)
        {
            var buffer = new byte[64 * 1024];
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            pushed.Append(Encoding.UTF8.GetString(buffer, 0, result.Count)).Append('\n');
        }

        Assert.Contains(WebChatHost.Answer, DirectLineClient.RepliesTo(Activities(pushed), id)[0]);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task A_stream_url_is_not_an_api_token_and_expires()
    {
        await using var host = new WebChatHost();
        var client = host.DirectLine();
        var grant = await client.GenerateAsync();
        using var started = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", grant.Token);
        var streamUrl = new Uri(JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("streamUrl").GetString()!);
        var streamToken = Uri.UnescapeDataString(streamUrl.Query.Split("t=")[1]);

        using var asApiToken = await client.SendAsync(HttpMethod.Get, DirectLineClient.ActivitiesPath(grant), streamToken);
        host.Time.Advance(TimeSpan.FromMinutes(3));
        var expired = await Assert.ThrowsAnyAsync<Exception>(() =>
            host.Server.CreateWebSocketClient().ConnectAsync(streamUrl, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, asApiToken.StatusCode);
        Assert.Contains("403", expired.Message);
    }

    [Fact]
    public async Task A_stream_request_without_its_token_is_401_and_with_a_wrong_one_403()
    {
        await using var host = new WebChatHost();
        var client = host.DirectLine();
        var alice = await StreamUrlAsync(client);
        var bob = await StreamUrlAsync(client);
        var withoutToken = new Uri(alice.GetLeftPart(UriPartial.Path) + "?watermark=0");
        var emptyToken = new Uri(alice.GetLeftPart(UriPartial.Path) + "?watermark=0&t=");
        var forged = new Uri(alice.GetLeftPart(UriPartial.Path) + "?watermark=0&t=not-a-token");
        var bobsTokenOnAlice = new Uri(alice.GetLeftPart(UriPartial.Path) + bob.Query);

        // A missing credential is 401 (as on the HTTP endpoints); one that is there but does not open this stream, 403.
        Assert.Equal(401, await HandshakeStatusAsync(host, withoutToken));
        Assert.Equal(401, await HandshakeStatusAsync(host, emptyToken));
        Assert.Equal(403, await HandshakeStatusAsync(host, forged));
        Assert.Equal(403, await HandshakeStatusAsync(host, bobsTokenOnAlice));
        using var socket = await host.Server.CreateWebSocketClient().ConnectAsync(alice, CancellationToken.None);
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    private static async Task<Uri> StreamUrlAsync(DirectLineClient client)
    {
        var grant = await client.GenerateAsync();
        using var started = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", grant.Token);
        return new Uri(JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("streamUrl").GetString()!);
    }

    /// <summary>The status a refused WebSocket handshake got (the test server's client puts it in its exception only).</summary>
    private static async Task<int> HandshakeStatusAsync(WebChatHost host, Uri streamUrl)
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => host.Server.CreateWebSocketClient().ConnectAsync(streamUrl, CancellationToken.None));
        var status = System.Text.RegularExpressions.Regex.Match(refused.Message, @"status code: (\d+)");
        Assert.True(status.Success, refused.Message);
        return int.Parse(status.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_conversation_keeps_only_its_latest_activities()
    {
        await using var host = new WebChatHost(("WebChat:MaxActivitiesPerConversation", "10"), ("WebChat:ConversationMessageBurst", "100"));
        var client = host.DirectLine();
        var grant = await client.StartAsync();
        string last = "";
        for (var i = 0; i < 8; i++)
        {
            last = await client.SayAsync(grant, $"第{i}个问题");
        }

        var (kept, watermark) = await client.PollAsync(grant);

        Assert.Equal(10, kept.Length);
        Assert.Equal(last, kept[^2].GetProperty("id").GetString());
        Assert.Equal(last.Split('|')[1].TrimStart('0'), (long.Parse(watermark) - 1).ToString());
    }

    [Fact]
    public async Task At_the_conversation_cap_a_new_visitor_is_told_to_come_back_later()
    {
        await using var host = new WebChatHost(("WebChat:MaxConversations", "2"));
        var client = host.DirectLine();
        await client.StartAsync();
        await client.StartAsync();
        var third = await client.GenerateAsync();

        using var refused = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", third.Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("稍后再试", await DirectLineClient.ErrorMessageAsync(refused));
    }

    [Fact]
    public async Task An_idle_conversation_is_dropped()
    {
        await using var host = new WebChatHost();
        var client = host.DirectLine();
        var grant = await client.StartAsync();
        await client.SayAsync(grant, "你好");

        // A refresh keeps the token alive without touching the conversation, as a page left open in a background tab.
        host.Time.Advance(TimeSpan.FromMinutes(15));
        using var refresh = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", grant.Token);
        var live = grant with { Token = JsonDocument.Parse(await refresh.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()! };
        host.Time.Advance(TimeSpan.FromMinutes(16)); // 31 minutes without the client: past WebChat:IdleTimeout

        // The clean-up runs on the host's timer thread: give it a moment of real time.
        var status = HttpStatusCode.OK;
        for (var attempt = 0; attempt < 100 && status == HttpStatusCode.OK; attempt++)
        {
            await Task.Delay(50);
            using var poll = await client.SendAsync(HttpMethod.Get, DirectLineClient.ActivitiesPath(live), live.Token);
            status = poll.StatusCode;
        }

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    private static IEnumerable<JsonElement> Activities(StringBuilder pushed) =>
        pushed.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(m => JsonDocument.Parse(m).RootElement.GetProperty("activities").EnumerateArray().ToArray());
}
