using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Support;

/// <summary>
/// Speaks the Azure OpenAI chat completions wire format on 127.0.0.1
/// (<c>POST /openai/deployments/{deployment}/chat/completions?api-version=…</c>), with the failure modes a real
/// deployment has: slow answers, 429 with Retry-After, 500.
/// </summary>
public sealed class LoopbackAzureOpenAI : IAsyncDisposable
{
    private LoopbackServer _server = null!;

    private LoopbackAzureOpenAI()
    {
    }

    public static async Task<LoopbackAzureOpenAI> StartAsync()
    {
        var stub = new LoopbackAzureOpenAI();
        stub._server = await LoopbackServer.StartAsync(stub.HandleAsync);
        stub.Endpoint = stub._server.Address + "/";
        return stub;
    }

    public string Endpoint { get; private set; } = "";

    /// <summary>"ok", "slow", "429" or "500".</summary>
    public string Mode { get; set; } = "ok";

    /// <summary>What the model says in "ok" and "slow" modes.</summary>
    public string Reply { get; set; } = "";

    /// <summary>How long a "slow" answer takes; infinite = the model never answers.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Calls the client gave up on before the answer came.</summary>
    public int Abandoned => _abandoned;

    private int _abandoned;

    /// <summary>(path and query, api-key header, request body) of each call.</summary>
    public ConcurrentQueue<(string Path, string? ApiKey, JObject Body)> Requests { get; } = new();

    private async Task HandleAsync(HttpContext ctx)
    {
        var body = JObject.Parse(await new StreamReader(ctx.Request.Body).ReadToEndAsync());
        string? apiKey = ctx.Request.Headers["api-key"];
        Requests.Enqueue((ctx.Features.Get<IHttpRequestFeature>()!.RawTarget, apiKey, body));
        ctx.Response.ContentType = "application/json";
        if (Mode == "429" || Mode == "500")
        {
            ctx.Response.StatusCode = Mode == "429" ? 429 : 500;
            if (Mode == "429")
            {
                ctx.Response.Headers.RetryAfter = "30";
            }

            await Write(ctx, new JObject { ["error"] = new JObject { ["code"] = Mode == "429" ? "429" : "InternalServerError", ["message"] = "loopback failure" } });
            return;
        }

        if (Mode == "slow")
        {
            try
            {
                await Task.Delay(SlowDelay, ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _abandoned);
                return; // the client gave up (timeout test)
            }
        }

        await Write(ctx, new JObject
        {
            ["id"] = "chatcmpl-loopback", ["object"] = "chat.completion", ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["model"] = "gpt-4o",
            ["choices"] = new JArray
            {
                new JObject { ["index"] = 0, ["finish_reason"] = "stop", ["message"] = new JObject { ["role"] = "assistant", ["content"] = Reply } },
            },
            ["usage"] = new JObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 20, ["total_tokens"] = 120 },
        });
    }

    private static Task Write(HttpContext ctx, JObject json) => ctx.Response.WriteAsync(json.ToString(Formatting.None));

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
