using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Cppcc.Bot.Tests.WebChat;

/// <summary>directlinejs resumes a dropped stream with GET /conversations/{id}?watermark=N and the streamUrl it returns.</summary>
public sealed class DirectLineResumeTests
{
    [Fact]
    public async Task Resuming_with_a_watermark_streams_only_what_came_after_it()
    {
        await using var host = new WebChatHost();
        var client = host.DirectLine();
        var grant = await client.StartAsync();
        var (greeting, afterGreeting) = await client.PollAsync(grant);
        await client.SayAsync(grant, WebChatHost.Question);
        var (seen, watermark) = await client.PollAsync(grant, afterGreeting);
        var missed = await client.SayAsync(grant, WebChatHost.Question); // while the socket was down

        using var resumed = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{Uri.EscapeDataString(grant.ConversationId)}?watermark={watermark}", grant.Token);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        var streamUrl = JsonDocument.Parse(await resumed.Content.ReadAsStringAsync()).RootElement.GetProperty("streamUrl").GetString()!;
        Assert.Contains("watermark=" + watermark, streamUrl);
        var socket = await host.Server.CreateWebSocketClient().ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        var buffer = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var first = await socket.ReceiveAsync(buffer, timeout.Token);
        var set = JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, first.Count)).RootElement;
        var pushed = set.GetProperty("activities").EnumerateArray().ToArray();

        var before = greeting.Concat(seen).Select(a => a.GetProperty("id").GetString()).ToHashSet();
        Assert.Equal(missed, pushed[0].GetProperty("id").GetString());
        Assert.Single(DirectLineClient.RepliesTo(pushed, missed));
        Assert.DoesNotContain(pushed, a => before.Contains(a.GetProperty("id").GetString()));
        Assert.True(long.Parse(set.GetProperty("watermark").GetString()!) > long.Parse(watermark));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public async Task A_bad_watermark_is_refused_with_400_on_poll_and_on_resume(string watermark)
    {
        await using var host = new WebChatHost();
        var client = host.DirectLine();
        var grant = await client.StartAsync();
        var conversation = Uri.EscapeDataString(grant.ConversationId);

        using var poll = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities?watermark={watermark}", grant.Token);
        using var resume = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversation}?watermark={watermark}", grant.Token);

        Assert.Equal(HttpStatusCode.BadRequest, poll.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, resume.StatusCode);
        Assert.Equal("BadArgument", JsonDocument.Parse(await poll.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("watermark", await DirectLineClient.ErrorMessageAsync(resume));
    }
}
