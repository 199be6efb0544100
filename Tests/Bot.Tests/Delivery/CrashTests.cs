using System.Diagnostics;
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

        var text = await output + await errors;
        Assert.True(process.ExitCode == 0, text);
        Assert.Contains("kill 2: SIGKILL", text);
        Assert.Matches(@"lost\s+0\n", text.Replace("\r", ""));
        Assert.Matches(@"not finished\s+0\n", text.Replace("\r", ""));
    }
}
