using Cppcc.Bot.Delivery;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Bot.Tests.Storage.Contracts;

/// <summary>The shared send rate's cap at the wire, across two instances on one PostgreSQL database.</summary>
public sealed class SendRateContractTests
{
    [PostgresFact]
    public async Task Requests_on_the_wire_and_answered_in_the_last_second_together_never_exceed_the_ceiling()
    {
        // The real clock: the rate sleeps out waits it reads off the database's clock.
        var options = new DeliveryOptions { MessagesPerSecond = 3 };
        await using var context = await StoreContext.CreateAsync(StorageProvider.PostgreSql,
            services => services.AddSingleton(options).AddSingleton(TimeProvider.System).AddSingleton(new BackgroundActivity()),
            new PostgresSchema("delivery-002", PostgresSendRate.Schema));
        var (first, second) = context.TwoInstances<ISendRate, GlobalSendRate, PostgresSendRate>();

        var onWire = new[] { await first.OnWireAsync(default), await second.OnWireAsync(default), await first.OnWireAsync(default) };
        var fourth = second.OnWireAsync(default).AsTask();
        await Task.Delay(300);

        // Three on the wire: the fourth waits, whichever instance asks.
        Assert.False(fourth.IsCompleted);
        var answered = System.Diagnostics.Stopwatch.StartNew();
        onWire[0]!.Dispose();
        Assert.NotNull(await fourth.WaitAsync(TimeSpan.FromSeconds(10)));

        // Answered, it still counted for a second after its answer: the Connector saw it within that second.
        Assert.True(answered.Elapsed >= TimeSpan.FromMilliseconds(900), $"the fourth went {answered.Elapsed.TotalMilliseconds:F0} ms after the answer");
    }
}
