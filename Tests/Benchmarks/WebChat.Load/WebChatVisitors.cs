using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;

namespace Cppcc.Benchmarks.WebChat;

/// <summary>How visitors' messages are spread in time.</summary>
internal enum Arrivals
{
    /// <summary>Each visitor starts at a random moment of its first think time and thinks 0.5-1.5 times the mean:
    /// visitors who arrive independently, as on a public page.</summary>
    Spread,

    /// <summary>All visitors start within one second and think exactly the same time, so their messages keep
    /// arriving together in one burst per think time (how this benchmark drove the bot before).</summary>
    Together,
}

/// <summary>
/// Web chat visitors as the page drives the bot: a token, a conversation, a WebSocket stream; then ask, wait for the
/// bot's reply on the stream, think, ask again. Latency = POST sent -> reply pushed. Every visitor is connected before
/// the measured window opens, so the window sees the open conversations, not their set-up.
/// </summary>
internal sealed class WebChatVisitors(BotUnderTest bot, string text)
{
    private const int SetupConcurrency = 32;

    public async Task<PhaseResult> RunAsync(string name, int visitors, TimeSpan think, TimeSpan duration, Arrivals arrivals, bool measureIdle = false)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 })
        {
            BaseAddress = new Uri(bot.BaseUrl),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var errors = new ConcurrentDictionary<string, int>();
        var opened = new List<Visitor>();
        using var setup = new SemaphoreSlim(SetupConcurrency);
        await Task.WhenAll(Enumerable.Range(0, visitors).Select(async i =>
        {
            await setup.WaitAsync();
            try
            {
                var visitor = await Visitor.OpenAsync(http, i);
                lock (opened)
                {
                    opened.Add(visitor);
                }
            }
            catch (Exception e)
            {
                Count(errors, e);
            }
            finally
            {
                setup.Release();
            }
        }));

        var note = "";
        if (measureIdle)
        {
            // Open conversations with nobody writing should cost the bot nothing. Measured after the set-up has settled
            // (its welcome turns, the collections they leave behind).
            await Task.Delay(TimeSpan.FromSeconds(5));
            var idleBefore = bot.CpuTime();
            var idleStart = Stopwatch.GetTimestamp();
            await Task.Delay(TimeSpan.FromSeconds(5));
            if (bot.CpuTime() - idleBefore is { } idle)
            {
                note = $"   idle with {opened.Count} open: {100 * idle.TotalSeconds / Stopwatch.GetElapsedTime(idleStart).TotalSeconds:F1}% of a core";
            }
        }

        var latencies = new ConcurrentBag<double>();
        var cpuBefore = bot.CpuTime();
        var started = Stopwatch.GetTimestamp();
        using var stop = new CancellationTokenSource(duration);
        await Task.WhenAll(opened.Select(v => v.AskAsync(http, text, think, arrivals, latencies, errors, stop.Token)));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpu = bot.CpuTime() - cpuBefore;
        await Task.WhenAll(opened.Select(v => v.CloseAsync()));
        if (!errors.IsEmpty)
        {
            note += "   " + string.Join(", ", errors.Select(e => $"{e.Key}={e.Value}"));
        }

        return new PhaseResult(name, seconds, latencies.ToArray(), errors.Values.Sum(), cpu, note);
    }

    private static void Count(ConcurrentDictionary<string, int> errors, Exception e) =>
        errors.AddOrUpdate(e.GetType().Name + ": " + e.Message.Split('\n')[0], 1, (_, n) => n + 1);

    private sealed class Visitor
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _replies = new();
        private ClientWebSocket _socket = null!;
        private Task _reading = Task.CompletedTask;
        private string _token = "";
        private string _conversationId = "";
        private int _index;

        public static async Task<Visitor> OpenAsync(HttpClient http, int index)
        {
            var grant = await PostJsonAsync(http, "/v3/directline/tokens/generate", null, null, CancellationToken.None);
            var token = grant.GetProperty("token").GetString()!;
            var conversation = await PostJsonAsync(http, "/v3/directline/conversations", token, null, CancellationToken.None);
            var visitor = new Visitor
            {
                _index = index,
                _token = token,
                _conversationId = conversation.GetProperty("conversationId").GetString()!,
                _socket = new ClientWebSocket(),
            };
            await visitor._socket.ConnectAsync(new Uri(conversation.GetProperty("streamUrl").GetString()!), CancellationToken.None);
            visitor._reading = visitor.ReadRepliesAsync();
            return visitor;
        }

        public async Task AskAsync(HttpClient http, string text, TimeSpan think, Arrivals arrivals, ConcurrentBag<double> latencies,
            ConcurrentDictionary<string, int> errors, CancellationToken stop)
        {
            var random = new Random(_index);
            try
            {
                await Task.Delay(arrivals == Arrivals.Spread
                    ? think * random.NextDouble()
                    : TimeSpan.FromMilliseconds(_index * 5 % 1000), stop);
                for (var number = 0; !stop.IsCancellationRequested; number++)
                {
                    var before = Stopwatch.GetTimestamp();
                    var posted = await PostJsonAsync(http, $"/v3/directline/conversations/{Uri.EscapeDataString(_conversationId)}/activities", _token,
                        new { type = "message", text, from = new { id = "load" }, channelData = new { clientActivityID = $"{_index}-{number}" } }, stop);
                    var reply = _replies.GetOrAdd(posted.GetProperty("id").GetString()!, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
                    var at = await reply.Task.WaitAsync(TimeSpan.FromSeconds(10), stop);
                    latencies.Add(Stopwatch.GetElapsedTime(before, at).TotalMilliseconds);
                    await Task.Delay(arrivals == Arrivals.Spread ? think * (0.5 + random.NextDouble()) : think, stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                Count(errors, e);
            }
        }

        public async Task CloseAsync()
        {
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                await _reading.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is WebSocketException or TimeoutException or InvalidOperationException)
            {
            }

            _socket.Dispose();
        }

        private async Task ReadRepliesAsync()
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (_socket.State == WebSocketState.Open)
                {
                    using var message = new MemoryStream();
                    WebSocketReceiveResult result;
                    do
                    {
                        result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                        message.Write(buffer, 0, result.Count);
                    }
                    while (!result.EndOfMessage);
                    if (result.MessageType == WebSocketMessageType.Close || message.Length == 0)
                    {
                        continue;
                    }

                    var now = Stopwatch.GetTimestamp();
                    using var set = JsonDocument.Parse(message.ToArray());
                    foreach (var activity in set.RootElement.GetProperty("activities").EnumerateArray())
                    {
                        if (activity.GetProperty("from").TryGetProperty("role", out var role) && role.GetString() == "bot"
                            && activity.TryGetProperty("replyToId", out var replyTo))
                        {
                            _replies.GetOrAdd(replyTo.GetString()!, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(now);
                        }
                    }
                }
            }
            catch (WebSocketException)
            {
                // The bot closed the stream (or the run ended).
            }
        }

        private static async Task<JsonElement> PostJsonAsync(HttpClient http, string path, string? token, object? body, CancellationToken cancel)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
            if (token is not null)
            {
                request.Headers.Authorization = new("Bearer", token);
            }

            using var response = await http.SendAsync(request, cancel);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"{request.Method} {path.Split('/')[3]} -> {(int)response.StatusCode}");
            }

            return await response.Content.ReadFromJsonAsync<JsonElement>(cancel);
        }
    }
}
