using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.WebChat;

/// <summary>
/// Two bot processes on one PostgreSQL database, with no sticky sessions: a visitor's requests land on either and the
/// conversation goes on. Each process keeps its own LiteDB file for the stores still on LiteDB (bot state among them).
/// </summary>
public sealed class WebChatScaleOutTests : IAsyncLifetime
{
    private const string Question = "区政协怎么开展民主监督？";

    private readonly TempDatabase _filesA = new();
    private readonly TempDatabase _filesB = new();
    private BotProcess? _a;
    private BotProcess? _b;

    public async Task InitializeAsync()
    {
        if (TestPostgres.Server is null)
        {
            return;
        }

        var database = await TestPostgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSql",
            ["ConnectionStrings__PostgreSql"] = database,
            ["KnowledgeBase__Path"] = Path.Combine(BotFactory.RepositoryRoot, "kb"),
            ["Logging__LogLevel__Default"] = "Warning",
            ["WebChat__MaxConversationsPerClient"] = "2",
        };
        _a = BotProcess.Start(_filesA.FilePath, environment: settings);
        _b = BotProcess.Start(_filesB.FilePath, environment: settings);
        await Task.WhenAll(_a.WaitHealthyAsync(TimeSpan.FromSeconds(90)), _b.WaitHealthyAsync(TimeSpan.FromSeconds(90)));
    }

    [PostgresFact]
    public async Task A_conversation_started_on_one_instance_continues_on_the_other()
    {
        using var httpA = new HttpClient { BaseAddress = new Uri(_a!.BaseAddress) };
        using var httpB = new HttpClient { BaseAddress = new Uri(_b!.BaseAddress) };
        var onA = new DirectLineClient(httpA);
        var onB = new DirectLineClient(httpB);

        // Token and conversation from A; the stream opened on A.
        var grant = await onA.GenerateAsync();
        using var started = await onA.SendAsync(HttpMethod.Post, "/v3/directline/conversations", grant.Token);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var streamUrl = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("streamUrl").GetString()!;
        var (greeting, afterGreeting) = await onA.PollAsync(grant);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl.Replace("watermark=0", "watermark=" + afterGreeting, StringComparison.Ordinal)), CancellationToken.None);

        // Posted on B with A's token: B verifies it and runs the bot; the reply is pushed on A's stream.
        var id = await onB.SayAsync(grant, Question);
        var pushed = await ReceiveReplyAsync(socket, id, TimeSpan.FromSeconds(20));

        // Read on A with the watermark: the message posted on B and the bot's reply, nothing from before.
        var (exchange, afterExchange) = await onA.PollAsync(grant, afterGreeting);
        var (nothing, _) = await onA.PollAsync(grant, afterExchange);

        Assert.NotEmpty(greeting);
        Assert.Contains("民主监督", pushed);
        Assert.Equal(id, exchange[0].GetProperty("id").GetString());
        Assert.Equal(Question, exchange[0].GetProperty("text").GetString());
        Assert.Contains("民主监督", Assert.Single(DirectLineClient.RepliesTo(exchange, id)));
        Assert.DoesNotContain(exchange, a => greeting.Any(g => g.GetProperty("id").GetString() == a.GetProperty("id").GetString()));
        Assert.Empty(nothing);
    }

    [PostgresFact]
    public async Task A_token_from_one_instance_is_refused_by_neither_and_a_forged_one_by_both()
    {
        using var httpA = new HttpClient { BaseAddress = new Uri(_a!.BaseAddress) };
        using var httpB = new HttpClient { BaseAddress = new Uri(_b!.BaseAddress) };
        var grant = await new DirectLineClient(httpB).GenerateAsync();
        var forged = grant.Token[..^4] + (grant.Token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        using var refreshedOnA = await new DirectLineClient(httpA).SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", grant.Token);
        using var forgedOnA = await new DirectLineClient(httpA).SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", forged);
        using var forgedOnB = await new DirectLineClient(httpB).SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", forged);

        Assert.Equal(HttpStatusCode.OK, refreshedOnA.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forgedOnA.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forgedOnB.StatusCode);
    }

    [PostgresFact]
    public async Task An_address_holds_its_share_of_conversations_across_instances()
    {
        using var httpA = new HttpClient { BaseAddress = new Uri(_a!.BaseAddress) };
        using var httpB = new HttpClient { BaseAddress = new Uri(_b!.BaseAddress) };
        var onA = new DirectLineClient(httpA);
        var onB = new DirectLineClient(httpB);
        await onA.StartAsync();
        await onA.StartAsync();

        var third = await onB.GenerateAsync();
        using var refused = await onB.SendAsync(HttpMethod.Post, "/v3/directline/conversations", third.Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("TooManyConversations", await refused.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        if (_a is not null)
        {
            await _a.DisposeAsync();
        }

        if (_b is not null)
        {
            await _b.DisposeAsync();
        }

        _filesA.Dispose();
        _filesB.Dispose();
    }

    /// <summary>Reads stream messages until one carries the bot's reply to <paramref name="activityId"/>; returns its JSON.</summary>
    private static async Task<string> ReceiveReplyAsync(ClientWebSocket socket, string activityId, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, cancel.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
            if (message.Length == 0)
            {
                continue;
            }

            using var set = JsonDocument.Parse(message.ToArray());
            if (DirectLineClient.RepliesTo(set.RootElement.GetProperty("activities").EnumerateArray(), activityId) is [var reply, ..])
            {
                return reply;
            }
        }
    }
}
