using System.Diagnostics;
using System.Text.RegularExpressions;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.Delivery;

/// <summary>Runs alone, after the parallel tests: it drives a sender process hard and would slow timing-sensitive neighbours.</summary>
[Collection(RunsAlone.Name)]
public sealed class CrashTests
{
    /// <summary>
    /// The delivery benchmark's fault mode: a sender process is SIGKILLed twice mid-broadcast (no shutdown code runs)
    /// and restarted; the Connector stub outlives it and counts every message per conversation.
    /// </summary>
    [Fact]
    public async Task Killing_the_sender_mid_broadcast_loses_nothing_and_only_resends_what_was_on_the_wire()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(BotFactory.RepositoryRoot, "Tests", "Benchmarks", "DeliveryBenchmark", "bin", configuration, "net10.0", "DeliveryBenchmark.dll");
        var info = new ProcessStartInfo("dotnet") { ArgumentList = { dll, "fault", "400", "100", "2" }, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        var text = (await output + await errors).Replace("\r", "");
        Assert.True(process.ExitCode == 0, text);
        var kills = Regex.Matches(text, @"kill \d: SIGKILL after \d+ requests \((\d+) conversations reached\); at the kill (\d+) on the wire, (\d+) queued");
        Assert.True(kills.Count == 2, text);
        // Each kill landed mid-broadcast: some recipients reached, some still queued, as the database said right after it.
        Assert.All(kills, k => Assert.True(int.Parse(k.Groups[1].Value) > 0 && int.Parse(k.Groups[3].Value) > 0, k.Value));
        var onWireAtKills = kills.Sum(k => int.Parse(k.Groups[2].Value));
        // Start-up re-sent exactly what the kills left on the wire, and only those may have arrived twice.
        Assert.Equal(onWireAtKills, Number(text, "interrupted mid-send"));
        Assert.InRange(Number(text, "duplicated"), 0, onWireAtKills);
        Assert.Equal(0, Number(text, "lost"));
        Assert.Equal(0, Number(text, "not finished"));
        Assert.Equal(400, Number(text, "delivered \\(Sent\\)") + Number(text, "blocked \\(403\\)") + Number(text, "failed \\(404/400\\)") + Number(text, "dead-lettered"));
    }

    private static int Number(string text, string label) =>
        int.Parse(Regex.Match(text, "^" + label + @"\s+(\d+)$", RegexOptions.Multiline) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException(label + " missing:\n" + text));
}
