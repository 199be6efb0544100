using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Cppcc.Bot.Delivery;
using Cppcc.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Benchmarks.Delivery;

public static class Benchmark
{
    public static ConnectorStubOptions StubOptions(int rate) => new()
    {
        RatePerSecond = rate,
        Injected429 = 0.001,
        Injected500 = 0.01,
        RetryAfterSeconds = 1,
        Blocked = Recipients.Blocked,
        NotFound = Recipients.NotFound,
    };

    public static async Task<int> RunAsync(int recipients, int rate)
    {
        var dir = Directory.CreateTempSubdirectory("delivery-bench-");
        await using var stub = await ConnectorStub.StartAsync(StubOptions(rate));
        using var host = SenderHost.Build(Path.Combine(dir.FullName, "bench.db"), rate);
        var windows = new ConcurrentQueue<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) =>
        {
            if (i.Meter.Name == DeliveryMetrics.MeterName && i.Name == "delivery.uncertain_window")
            {
                l.EnableMeasurementEvents(i);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => windows.Enqueue(value));
        listener.Start();

        var queue = host.Services.GetRequiredService<DeliveryQueue>();
        var clock = Stopwatch.StartNew();
        queue.Enqueue(Recipients.JobId, Recipients.Make(recipients, stub.ServiceUrl));
        Console.WriteLine($"enqueued {recipients} in {clock.Elapsed.TotalSeconds:F1} s; sending at {rate}/s through CloudAdapter -> {stub.ServiceUrl}");
        await host.StartAsync();
        await WaitUntilDoneAsync(queue, recipients, TimeSpan.FromSeconds(10));
        var total = clock.Elapsed;
        await host.StopAsync();

        var figures = Figures.Compute(recipients, rate, total, queue.Results(Recipients.JobId), stub);
        figures.Print(Console.Out);
        var sorted = windows.Order().ToArray();
        if (sorted.Length > 0)
        {
            Console.WriteLine($"uncertain window (Sending committed -> outcome committed): p50 {sorted[sorted.Length / 2]:F1} ms, p99 {sorted[(int)(sorted.Length * 0.99)]:F1} ms, max {sorted[^1]:F1} ms");
        }

        return figures.Duplicated == 0 && figures.Lost == 0 ? 0 : 1;
    }

    public static async Task WaitUntilDoneAsync(DeliveryQueue queue, int recipients, TimeSpan reportEvery)
    {
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        while (true)
        {
            var progress = queue.Progress(Recipients.JobId);
            var done = progress.Where(p => p.Key.IsFinal()).Sum(p => p.Value);
            if (clock.Elapsed - lastReport >= reportEvery)
            {
                lastReport = clock.Elapsed;
                Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:F0} s: {done}/{recipients} finished");
            }
            if (done >= recipients)
            {
                return;
            }
            // Counting reads every item: poll gently so the benchmark measures the sender, not itself.
            await Task.Delay(2000);
        }
    }
}
