using System.Diagnostics;
using System.Text;

namespace Cppcc.Benchmarks.Turns;

/// <summary>Drives N concurrent conversations, each sending one expectReplies turn after another.</summary>
public static class LoadDriver
{
    public sealed record Result(string Name, long Turns, long Errors, double Seconds, double[] LatenciesMs)
    {
        public double TurnsPerSecond => Turns / Seconds;

        public double Percentile(double p)
        {
            if (LatenciesMs.Length == 0)
            {
                return double.NaN;
            }

            var index = (int)Math.Ceiling(p / 100 * LatenciesMs.Length) - 1;
            return LatenciesMs[Math.Clamp(index, 0, LatenciesMs.Length - 1)];
        }
    }

    /// <param name="value">When set, each turn is a card submit whose <c>value</c> is this JSON for (conversation, turn).</param>
    public static async Task<Result> RunAsync(string name, string baseUrl, string text, int conversations, TimeSpan warmup, TimeSpan duration,
        Func<int, int, string>? value = null)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = conversations * 2 })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(30),
        };

        if (warmup > TimeSpan.Zero)
        {
            await RunPhaseAsync(http, text, conversations, warmup, record: false, value: value);
        }

        return await RunPhaseAsync(http, text, conversations, duration, record: true, name, value);
    }

    private static async Task<Result> RunPhaseAsync(HttpClient http, string text, int conversations, TimeSpan duration, bool record, string name = "",
        Func<int, int, string>? value = null)
    {
        var latencies = new List<double>[conversations];
        long errors = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, conversations).Select(async i =>
        {
            var mine = latencies[i] = new List<double>();
            var turn = 0;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var body = Activity(i, turn, text, value?.Invoke(i, turn));
                turn++;
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
                    var reply = await response.Content.ReadAsStringAsync();
                    if (!response.IsSuccessStatusCode || !reply.Contains("\"activities\"", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref errors);
                        continue;
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                    continue;
                }

                mine.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }
        }));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(name, all.Length, errors, seconds, record ? all : Array.Empty<double>());
    }

    private static string Activity(int conversation, int turn, string text, string? value)
        => $$"""
           {"type":"message","id":"b{{conversation}}-{{turn}}","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/",
            "deliveryMode":"expectReplies","locale":"zh-CN",
            "from":{"id":"29:bench-{{conversation}}","aadObjectId":"bench-{{conversation}}","name":"bench"},
            "recipient":{"id":"28:bot"},
            "conversation":{"id":"a:bench-{{conversation}}","conversationType":"personal","tenantId":"t"},
            "text":"{{text}}"{{(value is null ? "" : ",\"value\":" + value)}}
           }
           """;
}
