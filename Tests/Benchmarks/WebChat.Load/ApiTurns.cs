using System.Diagnostics;
using System.Text;

namespace Cppcc.Benchmarks.WebChat;

/// <summary>
/// The yardstick: the same question as a Teams turn through POST /api/messages with expectReplies (the replies come
/// back in the response), N conversations each asking again as soon as it is answered.
/// </summary>
internal static class ApiTurns
{
    public static async Task<PhaseResult> RunAsync(BotUnderTest bot, string text, int conversations, TimeSpan duration, bool record = true)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = conversations * 2 })
        {
            BaseAddress = new Uri(bot.BaseUrl),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var latencies = new List<double>[conversations];
        var errors = 0;
        var cpuBefore = bot.CpuTime();
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, conversations).Select(async i =>
        {
            var mine = latencies[i] = [];
            for (var turn = 0; Stopwatch.GetTimestamp() < stopAt; turn++)
            {
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsync("/api/messages", new StringContent(Activity(i, turn, text), Encoding.UTF8, "application/json"));
                    var body = await response.Content.ReadAsStringAsync();
                    if (!response.IsSuccessStatusCode || !body.Contains("\"activities\"", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref errors);
                        continue;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                    continue;
                }

                mine.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }
        }));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpu = bot.CpuTime() - cpuBefore;
        return new PhaseResult($"/api/messages, {conversations} conversations, no think", seconds,
            record ? latencies.SelectMany(l => l).ToArray() : [], errors, cpu);
    }

    private static string Activity(int conversation, int turn, string text) => $$"""
        {"type":"message","id":"w{{conversation}}-{{turn}}","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/",
         "deliveryMode":"expectReplies","locale":"zh-CN",
         "from":{"id":"29:load-{{conversation}}","aadObjectId":"load-{{conversation}}","name":"load"},
         "recipient":{"id":"28:bot"},
         "conversation":{"id":"a:load-{{conversation}}","conversationType":"personal","tenantId":"t"},
         "text":"{{text}}"}
        """;
}
