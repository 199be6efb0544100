using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Support;

/// <summary>
/// Speaks the Azure OpenAI chat completions wire format on 127.0.0.1
/// (<c>POST /openai/deployments/{deployment}/chat/completions?api-version=…</c>), with the failure modes a real
/// deployment has: slow answers, 429 with Retry-After, 500. It also answers embeddings
/// (<c>POST /openai/deployments/{deployment}/embeddings</c>) with deterministic vectors: a hashed bag of the text's
/// characters and character pairs, so that a paraphrase sharing characters with an entry lands near it.
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

    /// <summary>Embedding calls: "ok", "slow" or "429" (chat calls keep <see cref="Mode"/>).</summary>
    public string EmbeddingMode { get; set; } = "ok";

    /// <summary>The next this many embedding calls get a 429 whatever the mode (a throttled start-up).</summary>
    public int Embedding429sLeft { get; set; }

    /// <summary>The texts of each embedding call.</summary>
    public ConcurrentQueue<string[]> EmbeddingCalls { get; } = new();

    public const int Dimensions = 256;

    /// <summary>The stub's vector of <paramref name="text"/> (unit length).</summary>
    public static float[] Vector(string text)
    {
        var vector = new float[Dimensions];
        var chars = text.Where(char.IsLetterOrDigit).ToArray();
        for (var i = 0; i < chars.Length; i++)
        {
            vector[Bucket(chars[i].ToString())] += 1;
            if (i + 1 < chars.Length)
            {
                vector[Bucket(new string([chars[i], chars[i + 1]]))] += 1;
            }
        }

        var length = Math.Sqrt(vector.Sum(v => v * v));
        return length == 0 ? vector : vector.Select(v => (float)(v / length)).ToArray();

        static int Bucket(string gram)
        {
            var hash = 2166136261u; // FNV-1a: the same on every run, unlike string.GetHashCode
            foreach (var c in gram)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return (int)(hash % Dimensions);
        }
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var body = JObject.Parse(await new StreamReader(ctx.Request.Body).ReadToEndAsync());
        if (ctx.Request.Path.Value?.EndsWith("/embeddings", StringComparison.Ordinal) == true)
        {
            await EmbedAsync(ctx, body);
            return;
        }

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
            ["id"] = "chatcmpl-loopback",
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = "gpt-4o",
            ["choices"] = new JArray
            {
                new JObject { ["index"] = 0, ["finish_reason"] = "stop", ["message"] = new JObject { ["role"] = "assistant", ["content"] = Reply } },
            },
            ["usage"] = new JObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 20, ["total_tokens"] = 120 },
        });
    }

    private async Task EmbedAsync(HttpContext ctx, JObject body)
    {
        var input = body["input"] is JArray many ? many.Select(t => (string)t!).ToArray() : [(string)body["input"]!];
        EmbeddingCalls.Enqueue(input);
        ctx.Response.ContentType = "application/json";
        if (Embedding429sLeft > 0 || EmbeddingMode == "429")
        {
            Embedding429sLeft--;
            ctx.Response.StatusCode = 429;
            ctx.Response.Headers.RetryAfter = "1";
            await Write(ctx, new JObject { ["error"] = new JObject { ["code"] = "429", ["message"] = "loopback throttling" } });
            return;
        }

        if (EmbeddingMode == "slow")
        {
            try
            {
                await Task.Delay(SlowDelay, ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        // Like the service: floats as a JSON array, or, when the client asks for encoding_format "base64" (the .NET SDK
        // does), the little-endian float32 bytes in base64.
        var base64 = (string?)body["encoding_format"] == "base64";
        var data = new JArray(input.Select((text, i) => new JObject
        {
            ["object"] = "embedding",
            ["index"] = i,
            ["embedding"] = base64 ? Convert.ToBase64String(Bytes(Vector(text))) : new JArray(Vector(text).Select(v => (double)v)),
        }));
        await Write(ctx, new JObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = "text-embedding-3-small",
            ["usage"] = new JObject { ["prompt_tokens"] = input.Sum(t => t.Length), ["total_tokens"] = input.Sum(t => t.Length) },
        });
    }

    private static byte[] Bytes(float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        Buffer.BlockCopy(vector, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    private static Task Write(HttpContext ctx, JObject json) => ctx.Response.WriteAsync(json.ToString(Formatting.None));

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
