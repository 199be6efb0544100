// Load benchmark for the public web chat: N concurrent visitors, each on its own Direct Line conversation
// with a WebSocket stream (as Web Chat does), send a message, wait for the bot's reply on the stream, think, repeat.
// Latency = POST sent -> reply pushed. Hosts the real bot on 127.0.0.1 unless --url points at a running one.
//   dotnet run -c Release --project Tests/Benchmarks/WebChat.Load -- [--conversations 200] [--seconds 60]
//       [--think-ms 2000] [--text 区政协怎么开展民主监督？] [--url http://127.0.0.1:3978]
// With --url, start the bot yourself with the per-address limits lifted (all visitors here share 127.0.0.1), e.g.
//   WebChat__ClientRequestBurst=1000000 WebChat__ClientRequestsPerSecond=1000000 WebChat__ClientConversationBurst=1000000 \
//   WebChat__ClientConversationsPerMinute=1000000 WebChat__MaxConversationsPerClient=1000000 Storage__Path=/tmp/bench/bot.db Logging__LogLevel__Default=Warning \
//   dotnet Bot/bin/Release/net10.0/Cppcc.Bot.dll --urls http://127.0.0.1:3978
// The default think time keeps each visitor within the default per-conversation limit (30 messages a minute).
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cppcc.Benchmarks.WebChat;

internal static class WebChatLoad
{
    public static async Task<int> Main(string[] args)
    {
        var conversations = Arg("--conversations", 200);
        var seconds = Arg("--seconds", 60);
        var thinkMs = Arg("--think-ms", 2000);
        var text = ArgText("--text", "区政协怎么开展民主监督？");
        var url = ArgText("--url", "");

        await using var host = url.Length == 0 ? StartHost() : null;
        var baseUrl = url.Length > 0 ? url.TrimEnd('/') : host!.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(10) };

        Console.WriteLine($"web chat load: {conversations} conversations, {seconds} s, think {thinkMs} ms, text \"{text}\", bot {baseUrl}");
        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentDictionary<string, int>();
        var sent = 0;
        var started = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var visitors = Enumerable.Range(0, conversations).Select(i => VisitorAsync(i, stop.Token)).ToArray();
        await Task.WhenAll(visitors);
        var elapsed = started.Elapsed.TotalSeconds;

        var sorted = latencies.OrderBy(x => x).ToArray();
        double Pct(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        Console.WriteLine($"exchanges completed: {sorted.Length} of {sent} sent in {elapsed:F1} s");
        Console.WriteLine($"messages/s (user messages + bot replies): {2 * sorted.Length / elapsed:F1}   exchanges/s: {sorted.Length / elapsed:F1}");
        Console.WriteLine($"latency ms: p50 {Pct(0.50):F1}  p90 {Pct(0.90):F1}  p99 {Pct(0.99):F1}  max {(sorted.Length > 0 ? sorted[^1] : double.NaN):F1}");
        Console.WriteLine($"errors: {errors.Values.Sum()} {string.Join(", ", errors.Select(e => $"{e.Key}={e.Value}"))}");
        return errors.IsEmpty ? 0 : 1;

        async Task VisitorAsync(int index, CancellationToken cancel)
        {
            try
            {
                await Task.Delay(index * 5 % 1000, cancel); // spread the starts over a second, as real visitors arrive
                var grant = await PostJson("/v3/directline/tokens/generate", null, null, cancel);
                var token = grant.GetProperty("token").GetString()!;
                var conversation = await PostJson("/v3/directline/conversations", token, null, cancel);
                var id = conversation.GetProperty("conversationId").GetString()!;
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(new Uri(conversation.GetProperty("streamUrl").GetString()!), cancel);
                var replies = new ConcurrentDictionary<string, TaskCompletionSource<long>>();
                var reading = ReadRepliesAsync(socket, replies, cancel);
                var number = 0;
                while (!cancel.IsCancellationRequested)
                {
                    var before = Stopwatch.GetTimestamp();
                    var clientId = $"{index}-{number++}";
                    Interlocked.Increment(ref sent);
                    var posted = await PostJson($"/v3/directline/conversations/{Uri.EscapeDataString(id)}/activities", token,
                        new { type = "message", text, from = new { id = "load" }, channelData = new { clientActivityID = clientId } }, cancel);
                    var activityId = posted.GetProperty("id").GetString()!;
                    var reply = replies.GetOrAdd(activityId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
                    var at = await reply.Task.WaitAsync(TimeSpan.FromSeconds(5), cancel);
                    latencies.Add(Stopwatch.GetElapsedTime(before, at).TotalMilliseconds);
                    await Task.Delay(thinkMs, cancel);
                }

                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                await reading;
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                errors.AddOrUpdate(ex.GetType().Name + ": " + ex.Message.Split('\n')[0], 1, (_, n) => n + 1);
            }
        }

        async Task ReadRepliesAsync(ClientWebSocket socket, ConcurrentDictionary<string, TaskCompletionSource<long>> replies, CancellationToken cancel)
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (socket.State == WebSocketState.Open)
                {
                    using var message = new MemoryStream();
                    WebSocketReceiveResult result;
                    do
                    {
                        result = await socket.ReceiveAsync(buffer, CancellationToken.None);
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
                            replies.GetOrAdd(replyTo.GetString()!, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(now);
                        }
                    }
                }
            }
            catch (WebSocketException) when (cancel.IsCancellationRequested)
            {
            }
        }

        async Task<JsonElement> PostJson(string path, string? token, object? body, CancellationToken cancel)
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

        WebApplicationFactory<Program> StartHost()
        {
            var folder = Directory.CreateTempSubdirectory("cppcc-webchat-load-").FullName;
            // A console program gets no MvcTestingAppManifest.json, so name the bot's content root the documented way.
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CPPCC_BOT", Path.Combine(RepositoryRoot(), "Bot"));
            var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            {
                web.UseEnvironment("Production");
                web.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
                web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Storage:Path"] = Path.Combine(folder, "bot.db"),
                    ["KnowledgeBase:Path"] = Path.Combine(RepositoryRoot(), "kb"),
                    // Every visitor here comes from 127.0.0.1, so the per-address limits are lifted; the per-conversation
                    // message limit stays at its default and the think time keeps each visitor under it.
                    ["WebChat:ClientRequestBurst"] = "1000000",
                    ["WebChat:ClientRequestsPerSecond"] = "1000000",
                    ["WebChat:ClientConversationBurst"] = "1000000",
                    ["WebChat:ClientConversationsPerMinute"] = "1000000",
                    ["WebChat:MaxConversationsPerClient"] = "1000000",
                }));
            });
            factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            factory.StartServer();
            return factory;
        }

        static string RepositoryRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Bot.sln not found above the benchmark binaries.");
        }

        int Arg(string name, int fallback) => int.TryParse(ArgText(name, ""), out var v) ? v : fallback;

        string ArgText(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
    }
}
