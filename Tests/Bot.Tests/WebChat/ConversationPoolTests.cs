using System.Net;

namespace Cppcc.Bot.Tests.WebChat;

/// <summary>The shared pool of live web chat conversations: one address gets a share of it, never all of it.</summary>
public sealed class ConversationPoolTests
{
    private const string Conversations = "/v3/directline/conversations";

    [Fact]
    public async Task Six_thousand_conversations_from_one_address_leave_room_for_another()
    {
        // The pool (5,000) and the per-address share (100) as shipped; the per-address rate limits are lifted
        // so that only the share can stop the flood. X-Forwarded-For is spoofed with the framework switch on, as the
        // shipped systemd unit had it.
        await using var host = new WebChatHost(
            ("ForwardedHeaders_Enabled", "true"), ("WebChat:MaxConversationsPerClient", "100"),
            ("WebChat:ClientConversationBurst", "100000"), ("WebChat:ClientRequestBurst", "100000"));
        var n = 0;
        var flood = AddressedClient.From(host, "203.0.113.7", () => $"198.51.{n / 250}.{n++ % 250 + 1}");
        var statuses = new Dictionary<HttpStatusCode, int>();
        string? refusal = null;

        for (var i = 0; i < 6_000; i++)
        {
            var grant = await flood.GenerateAsync();
            using var started = await flood.SendAsync(HttpMethod.Post, Conversations, grant.Token);
            statuses[started.StatusCode] = statuses.GetValueOrDefault(started.StatusCode) + 1;
            if (started.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refusal ??= await DirectLineClient.ErrorMessageAsync(started);
            }
        }

        Assert.Equal(100, statuses.GetValueOrDefault(HttpStatusCode.Created));
        Assert.Equal(5_900, statuses.GetValueOrDefault(HttpStatusCode.TooManyRequests));
        Assert.Contains("对话", refusal);
        await AddressedClient.From(host, "192.0.2.50").StartAsync();
    }

    [Fact]
    public async Task An_address_gets_its_places_back_as_its_conversations_go_idle()
    {
        await using var host = new WebChatHost(("WebChat:MaxConversationsPerClient", "2"), ("WebChat:IdleTimeout", "00:10:00"));
        var visitor = AddressedClient.From(host, "192.0.2.8");
        await visitor.StartAsync();
        await visitor.StartAsync();
        var third = await visitor.GenerateAsync();

        using var refused = await visitor.SendAsync(HttpMethod.Post, Conversations, third.Token);
        host.Time.Advance(TimeSpan.FromMinutes(11));
        using var later = await visitor.SendAsync(HttpMethod.Post, Conversations, third.Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
    }
}
