using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Support;

/// <summary>
/// A Bot Connector stand-in on 127.0.0.1: accepts <c>POST /v3/conversations/{id}/activities</c> as the real service
/// does and records each activity, so proactive sends go through the SDK's real ConnectorClient.
/// </summary>
public sealed class LoopbackConnector : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private int _next;

    public LoopbackConnector()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        ServiceUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(ServiceUrl);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string ServiceUrl { get; }

    /// <summary>(conversation id, activity) in arrival order.</summary>
    public ConcurrentQueue<(string ConversationId, JObject Activity)> Received { get; } = new();

    /// <summary>Waits (bounded) until an activity for <paramref name="conversationId"/> matches.</summary>
    public async Task<JObject> WaitForAsync(string conversationId, Func<JObject, bool> match, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            var found = Received.FirstOrDefault(r => r.ConversationId == conversationId && match(r.Activity));
            if (found.Activity is not null)
            {
                return found.Activity;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No matching activity for {conversationId}; received: {string.Join(" | ", Received.Select(r => r.ConversationId))}");
    }

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

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var segments = context.Request.Url!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (context.Request.HttpMethod == "POST" && segments.Length >= 4 && segments[0] == "v3" && segments[1] == "conversations" && segments[3] == "activities")
            {
                Received.Enqueue((Uri.UnescapeDataString(segments[2]), JObject.Parse(body)));
            }

            var reply = Encoding.UTF8.GetBytes($"{{\"id\":\"loopback-{Interlocked.Increment(ref _next)}\"}}");
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(reply);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
    }
}
