using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Benchmarks.Turns;

/// <summary>
/// The delivery rate of two bot processes on one PostgreSQL database against the configured ceiling: the members write
/// to the first instance (it keeps their conversation references), a staff member broadcasts to all, both instances
/// send, and a loopback Connector stub records every request with its time.
/// </summary>
public static class TwoInstanceDelivery
{
    private const string Staff = "bench-staff";
    private const string Notice = "基准测试群发通知";

    public sealed record Figures(int Recipients, int Ceiling, int Delivered, int Duplicated, int Lost, double Seconds, int MaxInAnySecond)
    {
        public double Rate => Delivered / Seconds;
    }

    /// <param name="start">Starts a bot process at the given port with extra settings.</param>
    /// <param name="waitHealthy">Waits until the <c>/healthz</c> at this URL answers.</param>
    public static async Task<Figures> RunAsync(Func<int, Dictionary<string, string>, Process> start, Func<string, Task> waitHealthy, string database,
        int recipients, int ceiling)
    {
        await using var stub = await ConnectorStub.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSql",
            ["ConnectionStrings__PostgreSql"] = database,
            ["Staff__UserIds__0"] = Staff,
            ["Delivery__MessagesPerSecond"] = ceiling.ToString(CultureInfo.InvariantCulture),
        };
        using var first = start(39784, settings);
        using var second = start(39785, settings);
        try
        {
            await waitHealthy("http://127.0.0.1:39784/healthz");
            await waitHealthy("http://127.0.0.1:39785/healthz");
            using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:39784"), Timeout = TimeSpan.FromSeconds(60) };
            using var gate = new SemaphoreSlim(16);
            await Task.WhenAll(Enumerable.Range(0, recipients).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    await PostAsync(http, Message(stub.ServiceUrl, "m" + i, "\"text\":\"帮助\""));
                }
                finally
                {
                    gate.Release();
                }
            }));

            var started = Stopwatch.StartNew();
            await PostAsync(http, Message(stub.ServiceUrl, Staff, $"\"text\":\"\",\"value\":{{\"action\":\"broadcast.send\",\"text\":\"{Notice}\",\"audience\":\"all\"}}"));
            var expected = recipients + 1; // the staff member wrote too
            while (Notices(stub).Select(r => r.ConversationId).Distinct().Count() < expected && started.Elapsed < TimeSpan.FromSeconds(30 + 2.0 * expected / ceiling))
            {
                await Task.Delay(200);
            }

            var notices = Notices(stub);
            var perConversation = notices.GroupBy(r => r.ConversationId).ToDictionary(g => g.Key, g => g.Count());
            var times = notices.Select(r => r.At).Order().ToList();
            return new Figures(expected, ceiling, notices.Count, perConversation.Count(p => p.Value > 1), expected - perConversation.Count,
                times.Count < 2 ? double.NaN : (times[^1] - times[0]).TotalSeconds, MaxInAnySecond(times));
        }
        finally
        {
            first.Kill(entireProcessTree: true);
            second.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
            await second.WaitForExitAsync();
        }
    }

    private static List<StubRequest> Notices(ConnectorStub stub) =>
        stub.Requests.Where(r => r.Method == "POST" && r.Status is >= 200 and < 300 && r.Body.Contains(Notice, StringComparison.Ordinal)).ToList();

    private static string Message(string serviceUrl, string user, string content) => $$"""
        {"type":"message","id":"{{Guid.NewGuid():N}}","channelId":"msteams","serviceUrl":"{{serviceUrl}}","deliveryMode":"expectReplies","locale":"zh-CN",
         "from":{"id":"29:{{user}}","aadObjectId":"{{user}}","name":"{{user}}"},"recipient":{"id":"28:bot"},
         "conversation":{"id":"a:personal-{{user}}","conversationType":"personal","tenantId":"t"},{{content}}}
        """;

    private static async Task PostAsync(HttpClient http, string body)
    {
        using var response = await http.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    private static int MaxInAnySecond(IReadOnlyList<DateTimeOffset> times)
    {
        int best = 0, start = 0;
        for (var end = 0; end < times.Count; end++)
        {
            while (times[end] - times[start] >= TimeSpan.FromSeconds(1))
            {
                start++;
            }

            best = Math.Max(best, end - start + 1);
        }

        return best;
    }
}
