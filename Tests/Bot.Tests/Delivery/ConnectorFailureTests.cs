using System.Net;
using System.Net.Sockets;
using Cppcc.Bot.Delivery;
using Cppcc.Bot.Tests.Support;
using Microsoft.Bot.Builder;

namespace Cppcc.Bot.Tests.Delivery;

/// <summary>A Connector that hangs, cannot be reached, dates its Retry-After, or is mid-answer when the bot stops.</summary>
public sealed class ConnectorFailureTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_hanging_Connector_times_each_send_out_and_the_item_is_retried_then_dead_lettered()
    {
        var arrived = 0;
        // The system clock here: the send deadline must run out while the request is on the wire.
        await using var h = await DeliveryHarness.StartAsync(_ => new ConnectorStubOptions
        {
            BeforeAnswer = (_, aborted) =>
            {
                Interlocked.Increment(ref arrived);
                return Task.Delay(Timeout.Infinite, aborted);
            },
        }, new() { ["Delivery:SendTimeout"] = "00:00:01", ["Delivery:MaxAttempts"] = "2", ["Delivery:BaseDelay"] = "00:00:00.100" }, realTime: true);
        h.Enqueue("job", "a:1");
        await h.StartWorkerAsync();

        // Bounds a hang only: two 1-second deadlines and a short back-off end the item long before this.
        await TeamsScenario.WaitUntilAsync(() => h.AllFinished("job"), TimeSpan.FromSeconds(30));

        var item = h.Store.Find(DeliveryItem.MakeId("job", "29:a:1"))!;
        Assert.Equal(DeliveryState.DeadLetter, item.State);
        Assert.Equal(2, item.Attempts);
        Assert.Equal(2, Volatile.Read(ref arrived));
        Assert.Null(item.LastStatus); // the Connector never answered
    }

    [Fact]
    public async Task An_unreachable_Connector_is_retried_with_back_off_then_dead_lettered()
    {
        await using var h = await DeliveryHarness.StartAsync(settings: new() { ["Delivery:MaxAttempts"] = "3" });
        var reference = h.Reference("a:1");
        reference.ServiceUrl = $"http://127.0.0.1:{ClosedPort()}/";
        h.Queue.Enqueue("job", [new DeliveryRequest("29:a:1", reference, MessageFactory.Text("通知"))]);
        await h.StartWorkerAsync();

        await h.RunUntilAsync(() => h.AllFinished("job"), TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(100));

        var item = h.Store.Find(DeliveryItem.MakeId("job", "29:a:1"))!;
        Assert.Equal(DeliveryState.DeadLetter, item.State);
        Assert.Equal(3, item.Attempts);
        Assert.Equal(nameof(HttpRequestException), item.LastError);
    }

    [Fact]
    public async Task Retry_After_given_as_an_HTTP_date_is_honoured()
    {
        await using var h = await DeliveryHarness.StartAsync(_ => new ConnectorStubOptions
        {
            RetryAfterSeconds = 5,
            RetryAfterAsDate = true,
            StatusFor = (_, nth) => nth == 1 ? 429 : null,
        });
        h.Enqueue("job", "a:1");
        await h.StartWorkerAsync();

        await h.RunUntilAsync(() => h.AllFinished("job"), Minute);

        var requests = h.Stub.To("a:1");
        Assert.Equal([429, 200], requests.Select(r => r.Status));
        // The date has whole seconds and the first send went out at a whole second of the fake clock.
        Assert.InRange(requests[1].At - requests[0].At, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5.5));
    }

    [Fact]
    public async Task A_normal_stop_mid_send_records_that_send_and_the_next_start_sends_the_rest_once()
    {
        var arrived = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // One message per second on a clock that does not move yet: the first send is held on the wire, the other two
        // wait for their permit when the stop comes.
        await using var h = await DeliveryHarness.StartAsync(_ => new ConnectorStubOptions
        {
            BeforeAnswer = async (conversation, _) =>
            {
                if (arrived.TrySetResult(conversation))
                {
                    await answer.Task;
                }
            },
        }, new() { ["Delivery:MessagesPerSecond"] = "1" });
        h.Enqueue("job", "a:1", "a:2", "a:3");
        await h.StartWorkerAsync();
        var onWire = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        DeliveryState State(string conversation) => h.Store.Find(DeliveryItem.MakeId("job", "29:" + conversation))!.State;

        var stopping = h.StopWorkerAsync();

        Assert.False(stopping.IsCompleted, "the stop did not wait for the send on the wire");
        Assert.Equal(DeliveryState.Sending, State(onWire));
        answer.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(DeliveryState.Sent, State(onWire));
        Assert.All(new[] { "a:1", "a:2", "a:3" }.Where(c => c != onWire), c => Assert.Equal(DeliveryState.Pending, State(c)));

        await h.RestartAsync();
        await h.RunUntilAsync(() => h.AllFinished("job"), Minute);

        Assert.Equal(new Dictionary<string, int> { ["a:1"] = 1, ["a:2"] = 1, ["a:3"] = 1 }, h.Stub.DeliveredPerConversation());
        Assert.All(h.Store.ListJob("job"), i => Assert.Equal(0, i.Interruptions));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
