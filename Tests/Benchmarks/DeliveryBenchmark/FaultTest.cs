using System.Diagnostics;
using Cppcc.Bot.Delivery;
using Cppcc.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Benchmarks.Delivery;

/// <summary>
/// Crash safety, for real: the sender runs in a child process that gets SIGKILL (no shutdown code runs) several times
/// mid-broadcast; the stub outlives it and counts what arrived.
/// </summary>
public static class FaultTest
{
    public static async Task<int> RunAsync(int recipients, int rate, int kills)
    {
        var dir = Directory.CreateTempSubdirectory("delivery-fault-");
        var db = Path.Combine(dir.FullName, "fault.db");
        await using var stub = await ConnectorStub.StartAsync(Benchmark.StubOptions(rate));
        using (var seed = SenderHost.Build(db, rate))
        {
            seed.Services.GetRequiredService<DeliveryQueue>().Enqueue(Recipients.JobId, Recipients.Make(recipients, stub.ServiceUrl));
        }

        var clock = Stopwatch.StartNew();
        for (var k = 1; k <= kills; k++)
        {
            using var child = StartSender(db, rate);
            var target = recipients * k / (kills + 1);
            while (stub.DeliveredPerConversation().Count < target && !child.HasExited)
            {
                await Task.Delay(Random.Shared.Next(5, 50));
            }

            child.Kill(); // SIGKILL on Linux
            await child.WaitForExitAsync();
            // What the kill left on disk: items marked on the wire and items not sent yet prove it landed mid-send.
            int onWire, queued;
            using (var look = SenderHost.Build(db, rate))
            {
                var left = look.Services.GetRequiredService<DeliveryQueue>().Results(Recipients.JobId);
                onWire = left.Count(i => i.State == DeliveryState.Sending);
                queued = left.Count(i => i.State == DeliveryState.Pending);
            }
            Console.WriteLine($"kill {k}: SIGKILL after {stub.Requests.Count} requests ({stub.DeliveredPerConversation().Count} conversations reached); at the kill {onWire} on the wire, {queued} queued");
        }
        using (var last = StartSender(db, rate))
        {
            await last.WaitForExitAsync();
            Console.WriteLine($"final sender exited with {last.ExitCode}");
        }
        var total = clock.Elapsed;

        using var check = SenderHost.Build(db, rate);
        var items = check.Services.GetRequiredService<DeliveryQueue>().Results(Recipients.JobId);
        var figures = Figures.Compute(recipients, rate, total, items, stub);
        figures.Print(Console.Out);
        // SIGKILL can land after the Connector accepted a message and before "Sent" was committed: such an item is
        // re-sent at start-up (at-least-once). Every duplicate must be one of those; nothing may be lost.
        var verdict = figures.Lost == 0 && figures.Duplicated <= figures.Interrupted;
        Console.WriteLine(verdict
            ? $"PASS: 0 lost; {figures.Duplicated} duplicated, all among the {figures.Interrupted} sends on the wire at a kill"
            : "FAIL: a message was lost, or duplicated outside the kill window");
        return verdict ? 0 : 1;
    }

    /// <summary>The child: sends everything queued, exits 0 when every item has an outcome.</summary>
    public static async Task<int> SendAllAsync(string db, int rate)
    {
        using var host = SenderHost.Build(db, rate);
        var queue = host.Services.GetRequiredService<DeliveryQueue>();
        await host.StartAsync();
        var total = queue.Results(Recipients.JobId).Count;
        await Benchmark.WaitUntilDoneAsync(queue, total, TimeSpan.FromMinutes(10));
        await host.StopAsync();
        return 0;
    }

    private static Process StartSender(string db, int rate)
    {
        var self = typeof(FaultTest).Assembly.Location;
        var host = Environment.ProcessPath!;
        var info = Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? new ProcessStartInfo(host) { ArgumentList = { self, "send", db, rate.ToString() } }
            : new ProcessStartInfo(host) { ArgumentList = { "send", db, rate.ToString() } };
        info.RedirectStandardOutput = false;
        return Process.Start(info)!;
    }
}
