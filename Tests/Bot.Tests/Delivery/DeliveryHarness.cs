using Cppcc.Bot.Delivery;
using Cppcc.Bot.Proactive;
using Cppcc.Bot.Tests.Support;
using LiteDB;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Cppcc.Bot.Tests.Delivery;

/// <summary>The engine wired as AddDelivery() does, on a temp LiteDB file, sending through the real CloudAdapter to a loopback stub, on a fake clock.</summary>
public sealed class DeliveryHarness : IAsyncDisposable
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    public ConnectorStub Stub { get; private set; } = null!;
    public ServiceProvider Services { get; private set; } = null!;
    public string DbPath { get; } = Path.Combine(Path.GetTempPath(), "delivery-test-" + Guid.NewGuid().ToString("n") + ".db");
    private IHostedService? _worker;
    private bool _wrapStore;
    private Dictionary<string, string?> _settings = [];
    private Func<FailingStorage<IDeliveryStore>>? _failing;

    /// <summary>Set to make every call to the delivery store throw as on a full disk (see <see cref="FailingStorage{T}"/>).</summary>
    public bool StorageFails
    {
        get => _failing?.Invoke().Failing ?? false;
        set => (_failing ?? throw new InvalidOperationException("start the harness with failingStorage: true"))().Failing = value;
    }

    public int StorageRefusals => _failing?.Invoke().Refused ?? 0;
    private TimeProvider _clock = null!;

    public DeliveryQueue Queue => Services.GetRequiredService<DeliveryQueue>();
    public IDeliveryStore Store => Services.GetRequiredService<IDeliveryStore>();

    public BackgroundActivity Activity => Services.GetRequiredService<BackgroundActivity>();

    /// <param name="realTime">Run on the system clock instead of <see cref="Time"/> (for deadlines that run out while a send is on the wire).</param>
    /// <param name="failingStorage">Wrap the store so that <see cref="StorageFails"/> can make it fail.</param>
    public static async Task<DeliveryHarness> StartAsync(Func<TimeProvider, ConnectorStubOptions>? stub = null, Dictionary<string, string?>? settings = null,
        bool realTime = false, bool failingStorage = false)
    {
        var harness = new DeliveryHarness { _settings = settings ?? [], _wrapStore = failingStorage };
        harness._clock = realTime ? TimeProvider.System : harness.Time;
        harness.Stub = await ConnectorStub.StartAsync((stub?.Invoke(harness._clock) ?? new ConnectorStubOptions()) with { Time = harness._clock });
        harness.Services = harness.BuildServices();
        return harness;
    }

    private ServiceProvider BuildServices()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(_settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(_clock);
        services.AddSingleton<ILiteDatabase>(_ => new LiteDatabase($"Filename={DbPath};Connection=direct"));
        services.AddSingleton(sp => new CloudAdapter(new ConfigurationBotFrameworkAuthentication(config)));
        services.AddProactive();
        services.AddDelivery();
        if (_wrapStore)
        {
            _failing = FailingStorage<IDeliveryStore>.Replace(services);
        }

        return services.BuildServiceProvider();
    }

    /// <summary>A normal stop of the worker (as the host does on shutdown), then a new process's services on the same database file.</summary>
    public async Task StopWorkerAsync()
    {
        if (_worker is not null)
        {
            await _worker.StopAsync(CancellationToken.None);
        }

        _worker = null;
    }

    /// <summary>The next start: new services (a new LiteDB instance) on the same file and the same Connector stub; the worker started.</summary>
    public async Task RestartAsync()
    {
        await StopWorkerAsync();
        await Services.DisposeAsync();
        Services = BuildServices();
        await StartWorkerAsync();
    }

    public IHostedService? Worker => _worker;

    public async Task StartWorkerAsync()
    {
        _worker = Services.GetServices<IHostedService>().OfType<DeliveryWorker>().Single();
        await _worker.StartAsync(CancellationToken.None);
    }

    public ConversationReference Reference(string conversationId, string user = "29:user") => new()
    {
        ChannelId = "msteams",
        ServiceUrl = Stub.ServiceUrl,
        Bot = new ChannelAccount("28:bot", "bot"),
        User = new ChannelAccount(user),
        Conversation = new ConversationAccount(id: conversationId, conversationType: "personal", tenantId: "t"),
    };

    public int Enqueue(string job, params string[] conversations) =>
        Queue.Enqueue(job, conversations.Select(c => new DeliveryRequest("29:" + c, Reference(c, "29:" + c), MessageFactory.Text("通知 " + job))));

    /// <summary>
    /// Moves the fake clock in small steps until <paramref name="done"/>, each step only once the engine is idle: a send
    /// on the wire always finishes at the fake instant it started, however long the real HTTP round trip takes.
    /// </summary>
    public async Task RunUntilAsync(Func<bool> done, TimeSpan maxFakeTime, TimeSpan? step = null)
    {
        var stepBy = step ?? TimeSpan.FromMilliseconds(20);
        var deadline = Time.GetUtcNow() + maxFakeTime;
        while (true)
        {
            await Activity.WaitUntilIdleAsync();
            if (done())
            {
                return;
            }

            if (Time.GetUtcNow() >= deadline)
            {
                throw new TimeoutException("condition not met within " + maxFakeTime);
            }

            Time.Advance(stepBy);
        }
    }

    /// <summary>Moves the fake clock by <paramref name="by"/> in idle-gated steps and returns with the engine idle.</summary>
    public async Task AdvanceAsync(TimeSpan by, TimeSpan? step = null)
    {
        var until = Time.GetUtcNow() + by;
        await RunUntilAsync(() => Time.GetUtcNow() >= until, by + TimeSpan.FromSeconds(1), step ?? TimeSpan.FromMilliseconds(100));
    }

    public bool AllFinished(string job) => Store.ListJob(job).All(i => i.State.IsFinal());

    public async ValueTask DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.StopAsync(CancellationToken.None);
        }

        await Services.DisposeAsync();
        await Stub.DisposeAsync();
        File.Delete(DbPath);
    }
}
