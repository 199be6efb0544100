using System.Diagnostics;
using Cppcc.Bot.Delivery;
using Cppcc.Bot.Proactive;
using Cppcc.Bot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Benchmarks.Delivery;

/// <summary>Where a message's CPU goes: store operations on a 10,000-item queue and one Connector send, timed apart.</summary>
public static class Profile
{
    public static async Task<int> RunAsync()
    {
        var dir = Directory.CreateTempSubdirectory("delivery-profile-");
        await using var stub = await ConnectorStub.StartAsync();
        using var host = SenderHost.Build(Path.Combine(dir.FullName, "p.db"), 30);
        var queue = host.Services.GetRequiredService<DeliveryQueue>();
        var store = host.Services.GetRequiredService<IDeliveryStore>();
        var messenger = host.Services.GetRequiredService<ProactiveMessenger>();
        queue.Enqueue(Recipients.JobId, Recipients.Make(10_000, stub.ServiceUrl));
        var now = DateTimeOffset.UtcNow.AddMinutes(1);
        var items = store.Due(now, 500);

        Time("store.Due(now, 256)", 50, () => store.Due(now, 256));
        Time("store.Find(id)", 500, i => store.Find(items[i % items.Count].Id));
        Time("store.Save(item)", 500, i => store.Save(items[i % items.Count]));
        Time("store.CountByState(job)", 10, () => store.CountByState(Recipients.JobId));
        Time("store.NextDue()", 200, () => store.NextDue());
        var references = Recipients.Make(350, stub.ServiceUrl).Select(r => r.Reference).ToList();
        for (var i = 0; i < 50; i++)
        {
            await messenger.SendAsync(references[300 + i], MessageFactory.Text("warm"), CancellationToken.None);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 300; i++)
        {
            await messenger.SendAsync(references[i], MessageFactory.Text("通知 " + i), CancellationToken.None);
        }

        Console.WriteLine($"{"messenger.SendAsync (incl. stub)",-32} {clock.Elapsed.TotalMilliseconds / 300,8:F2} ms wall {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / 300,8:F2} ms cpu");
        return 0;
    }

    private static void Time(string what, int n, Action action) => Time(what, n, _ => action());

    private static void Time(string what, int n, Action<int> action)
    {
        action(0);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            action(i);
        }

        Console.WriteLine($"{what,-32} {clock.Elapsed.TotalMilliseconds / n,8:F2} ms wall {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / n,8:F2} ms cpu");
    }
}
