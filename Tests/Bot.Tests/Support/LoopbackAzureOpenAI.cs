using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Support;

/// <summary>
/// Speaks the Azure OpenAI chat completions wire format on 127.0.0.1
/// (<c>POST /openai/deployments/{deployment}/chat/completions?api-version=…</c>), with the failure modes a real
/// deployment has: slow answers, 429 with Retry-After, 500.
/// </summary>
public sealed class LoopbackAzureOpenAI : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();

    public LoopbackAzureOpenAI()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Endpoint);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    /// <summary>"ok", "slow", "429" or "500".</summary>
    public string Mode { get; set; } = "ok";

    /// <summary>What the model says in "ok" and "slow" modes.</summary>
    public string Reply { get; set; } = "";

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>(path and query, api-key header, request body) of each call.</summary>
    public ConcurrentQueue<(string Path, string? ApiKey, JObject Body)> Requests { get; } = new();

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = JObject.Parse(await reader.ReadToEndAsync());
            Requests.Enqueue((context.Request.Url!.PathAndQuery, context.Request.Headers["api-key"], body));
            var response = context.Response;
            response.ContentType = "application/json";
            if (Mode == "429" || Mode == "500")
            {
                response.StatusCode = Mode == "429" ? 429 : 500;
                if (Mode == "429")
                {
                    response.AddHeader("Retry-After", "30");
                }

                await Write(response, new JObject { ["error"] = new JObject { ["code"] = Mode == "429" ? "429" : "InternalServerError", ["message"] = "loopback failure" } });
                return;
            }

            if (Mode == "slow")
            {
                await Task.Delay(SlowDelay, _stop.Token);
            }

            await Write(response, new JObject
            {
                ["id"] = "chatcmpl-loopback", ["object"] = "chat.completion", ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["model"] = "gpt-4o",
                ["choices"] = new JArray
                {
                    new JObject { ["index"] = 0, ["finish_reason"] = "stop", ["message"] = new JObject { ["role"] = "assistant", ["content"] = Reply } },
                },
                ["usage"] = new JObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 20, ["total_tokens"] = 120 },
            });
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The client gave up (timeout test) or the server is stopping.
        }
    }

    private static async Task Write(HttpListenerResponse response, JObject json)
    {
        var bytes = Encoding.UTF8.GetBytes(json.ToString(Formatting.None));
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
    }
}
