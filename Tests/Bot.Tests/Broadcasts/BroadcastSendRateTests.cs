using Cppcc.Bot.Delivery;
using Cppcc.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Broadcasts;

/// <summary>
/// The progress card's updates and the summary are Connector requests like the notices: with several instances each
/// refreshing every card, requests outside the shared rate pushed the total past the ceiling (found by hand).
/// </summary>
public sealed class BroadcastSendRateTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private ConnectorStub _stub = null!;
    private BotFactory _bot = null!;
    private TeamsScenario _teams = null!;

    public async Task InitializeAsync()
    {
        _stub = await ConnectorStub.StartAsync(new ConnectorStubOptions());
        _bot = new BotFactory(_db, TeamsScenario.Settings(), CountPermits);
        _teams = new TeamsScenario(_bot.CreateClient(), _stub);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _stub.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task Progress_updates_and_the_summary_take_permits_of_the_shared_send_rate()
    {
        foreach (var member in new[] { "m1", "m2", TeamsScenario.StaffAad })
        {
            await _teams.RegisterAsync(member);
        }

        await _teams.SubmitAsync(TeamsScenario.StaffAad, new JObject { ["action"] = "broadcast.send", ["text"] = "周五集中学习", ["audience"] = "all" });
        var staff = TeamsScenario.Conversation(TeamsScenario.StaffAad);
        await TeamsScenario.WaitUntilAsync(() => _stub.To(staff).Any(r => r.Method == "POST" && r.Body.Contains("发送完毕")));

        var notices = _stub.Requests.Count(r => r.Method == "POST" && r.Body.Contains("周五集中学习") && !r.Body.Contains("发送进度"));
        var updates = _stub.To(staff).Count(r => r.Method == "PUT");
        Assert.Equal(3, notices);
        Assert.True(updates >= 1, "the progress card was never updated");
        var permits = _bot.Services.GetRequiredService<CountingSendRate>().Permits;
        Assert.True(permits >= notices + updates + 1,
            $"{permits} permits for {notices} notices, {updates} card updates and the summary: some requests bypassed the shared rate");
    }

    [Fact]
    public async Task A_broadcast_delivered_before_its_progress_card_arrives_still_brings_the_card_to_its_final_counts_before_the_summary()
    {
        // Sending the progress card takes 1.5 s; the two notices are instant.
        var staff = TeamsScenario.Conversation(TeamsScenario.StaffAad);
        await using var stub = await ConnectorStub.StartAsync(new ConnectorStubOptions
        {
            BeforeAnswering = (conversation, body, ct) => conversation == staff && body.Contains("发送进度") && !body.Contains("\"id\":\"stub-")
                ? Task.Delay(1500, ct) : Task.CompletedTask,
        });
        using var db = new TempDatabase();
        await using var bot = new BotFactory(db, TeamsScenario.Settings());
        var teams = new TeamsScenario(bot.CreateClient(), stub);
        await teams.RegisterAsync("m1");
        await teams.RegisterAsync("m2");

        await teams.SubmitAsync(TeamsScenario.StaffAad, new JObject { ["action"] = "broadcast.send", ["text"] = "周五集中学习", ["audience"] = "all" });
        await TeamsScenario.WaitUntilAsync(() => stub.To(staff).Any(r => r.Method == "POST" && r.Body.Contains("发送完毕")));

        var summaryAt = stub.To(staff).First(r => r.Method == "POST" && r.Body.Contains("发送完毕")).At;
        var updates = stub.To(staff).Where(r => r.Method == "PUT").ToList();
        Assert.NotEmpty(updates);
        Assert.True(updates[0].At <= summaryAt, "the summary came before the progress card was brought up to date");
    }

    private static void CountPermits(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(ISendRate));
        services.Remove(original);
        services.AddSingleton(sp => new CountingSendRate((ISendRate)original.ImplementationFactory!(sp)));
        services.AddSingleton<ISendRate>(sp => sp.GetRequiredService<CountingSendRate>());
    }

    private sealed class CountingSendRate(ISendRate inner) : ISendRate
    {
        private int _permits;

        public int Permits => Volatile.Read(ref _permits);

        public async ValueTask AcquireAsync(CancellationToken cancellationToken)
        {
            await inner.AcquireAsync(cancellationToken);
            Interlocked.Increment(ref _permits);
        }

        public ValueTask<IDisposable?> OnWireAsync(CancellationToken cancellationToken) => inner.OnWireAsync(cancellationToken);

        public void PauseFor(TimeSpan delay) => inner.PauseFor(delay);
    }
}
