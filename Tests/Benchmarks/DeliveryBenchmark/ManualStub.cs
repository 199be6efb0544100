using System.Text.RegularExpressions;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Benchmarks.Delivery;

/// <summary>A Connector stub on a fixed loopback port that prints what the bot sends (for the manual scenario).</summary>
public static partial class ManualStub
{
    public static async Task<int> RunAsync(int port)
    {
        await using var stub = await ConnectorStub.StartAsync(new ConnectorStubOptions
        {
            Port = port,
            RatePerSecond = 30,
            Blocked = c => c.EndsWith("blocked", StringComparison.Ordinal),
            OnRequest = r => Console.WriteLine($"{r.At:HH:mm:ss.fff} {r.Method,-4} {r.ConversationId,-28} {r.ActivityId,-10} -> {r.Status} {Gist(r.Body)}"),
        });
        Console.WriteLine("Connector stub listening on " + stub.ServiceUrl);
        await Task.Delay(Timeout.Infinite);
        return 0;
    }

    /// <summary>The texts of a message (card text blocks, fact values, button titles), shortened.</summary>
    private static string Gist(string body)
    {
        var texts = Texts().Matches(body).Select(m => m.Groups[2].Value).Where(t => !t.StartsWith("http", StringComparison.Ordinal));
        var gist = string.Join(" | ", texts);
        return gist.Length > 160 ? gist[..160] + "…" : gist;
    }

    [GeneratedRegex("\"(text|title|value)\":\"([^\"]*)\"")]
    private static partial Regex Texts();
}
