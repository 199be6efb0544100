using Cppcc.Bot.Delivery;
using Cppcc.Bot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Bot.Tests.Delivery;

/// <summary>
/// On a fake clock that moves only while the engine is idle, so request times are exact and real HTTP latency never
/// shows in them: these tests may run beside the others.
/// </summary>
public sealed class DeliveryWorkerTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Enqueueing_the_same_job_and_recipient_twice_sends_once()
    {
        await using var h = await DeliveryHarness.StartAsync();
        Assert.Equal(2, h.Enqueue("job-1", "a:1", "a:2"));
        Assert.Equal(0, h.Enqueue("job-1", "a:1", "a:2"));
        Assert.Equal(1, h.Enqueue("job-2", "a:1"));
        await h.StartWorkerAsync();

        await h.RunUntilAsync(() => h.AllFinished("job-1") && h.AllFinished("job-2"), Minute);

        Assert.Equal(2, h.Stub.To("a:1").Count(r => r.Method == "POST"));
        Assert.Single(h.Stub.To("a:2"));
        var item = h.Store.Find(DeliveryItem.MakeId("job-1", "29:a:1"))!;
        Assert.Equal(DeliveryState.Sent, item.State);
        Assert.StartsWith("stub-", item.ActivityId);
        Assert.Contains("通知 job-1", h.Stub.To("a:2")[0].Body);
    }

    [Fact]
    public async Task A_store_that_fails_for_a_while_pauses_the_worker_and_never_stops_it()
    {
        await using var h = await DeliveryHarness.StartAsync(failingStorage: true);
        h.Enqueue("job", "a:1");
        h.StorageFails = true; // a full disk: every read of the queue throws
        await h.StartWorkerAsync();

        await h.AdvanceAsync(TimeSpan.FromSeconds(12));

        Assert.True(h.StorageRefusals >= 3, $"{h.StorageRefusals} attempts"); // the start-up re-queue, then a retry every 5 s
        Assert.Empty(h.Stub.Requests);
        Assert.False(((Microsoft.Extensions.Hosting.BackgroundService)h.Worker!).ExecuteTask!.IsCompleted);

        h.StorageFails = false;
        await h.RunUntilAsync(() => h.AllFinished("job"), Minute);
        Assert.Single(h.Stub.To("a:1"));
    }

    [Fact]
    public async Task Throttled_send_waits_for_Retry_After_and_pauses_every_sender()
    {
        await using var h = await DeliveryHarness.StartAsync(_ => new ConnectorStubOptions
        {
            RetryAfterSeconds = 5,
            StatusFor = (conversation, nth) => conversation == "a:hot" && nth == 1 ? 429 : null,
        });
        h.Enqueue("job", "a:hot");
        await h.StartWorkerAsync();
        await h.RunUntilAsync(() => h.Store.Find(DeliveryItem.MakeId("job", "29:a:hot"))!.LastStatus == 429, Minute);
        var throttledAt = h.Stub.Requests.Single().At;
        h.Enqueue("other-job", "a:cold");

        await h.RunUntilAsync(() => throttledAt + TimeSpan.FromSeconds(4.8) <= h.Time.GetUtcNow(), Minute);
        Assert.Single(h.Stub.Requests); // neither the retry nor the other conversation went out during the pause

        await h.RunUntilAsync(() => h.AllFinished("job") && h.AllFinished("other-job"), Minute);
        var retry = h.Stub.To("a:hot")[1];
        Assert.Equal(200, retry.Status);
        Assert.InRange(retry.At - throttledAt, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5.5));
        Assert.True(h.Stub.To("a:cold")[0].At >= throttledAt + TimeSpan.FromSeconds(5));
        Assert.Equal(2, h.Store.Find(DeliveryItem.MakeId("job", "29:a:hot"))!.Attempts);
    }

    [Theory]
    [InlineData(403, DeliveryState.Blocked)]
    [InlineData(404, DeliveryState.Failed)]
    [InlineData(400, DeliveryState.Failed)]
    public async Task Permanent_refusals_are_recorded_and_never_retried(int status, DeliveryState expected)
    {
        await using var h = await DeliveryHarness.StartAsync(_ => new ConnectorStubOptions { StatusFor = (_, _) => status });
        h.Enqueue("job", "a:1");
        await h.StartWorkerAsync();

        await h.RunUntilAsync(() => h.AllFinished("job"), Minute);
        await h.AdvanceAsync(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(1));

        Assert.Single(h.Stub.Requests);
        var item = h.Store.Find(DeliveryItem.MakeId("job", "29:a:1"))!;
        Assert.Equal(expected, item.State);
        Assert.Equal(status, item.LastStatus);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_growing_backoff_then_dead_lettered()
    {
        await using var h = await DeliveryHarness.StartAsync(_ => new ConnectorStubOptions { StatusFor = (_, _) => 502 },
            new() { ["Delivery:MaxAttempts"] = "4", ["Delivery:BaseDelay"] = "00:00:02" });
        h.Enqueue("job", "a:1");
        await h.StartWorkerAsync();

        await h.RunUntilAsync(() => h.AllFinished("job"), TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(100));

        var attempts = h.Stub.Requests.Select(r => r.At).ToList();
        Assert.Equal(4, attempts.Count);
        // Polly's jittered exponential back-off (base 2 s): the three waits add up to between 5.7 s and 11.4 s.
        Assert.InRange(attempts[^1] - attempts[0], TimeSpan.FromSeconds(5.5), TimeSpan.FromSeconds(12));
        var item = h.Store.Find(DeliveryItem.MakeId("job", "29:a:1"))!;
        Assert.Equal(DeliveryState.DeadLetter, item.State);
        Assert.Equal(4, item.Attempts);
    }

    [Fact]
    public async Task No_conversation_gets_more_than_7_messages_in_any_second()
    {
        await using var h = await DeliveryHarness.StartAsync(_ => new ConnectorStubOptions { PerConversationPerSecond = null });
        for (var job = 0; job < 20; job++)
        {
            h.Enqueue("job-" + job, "a:group");
        }

        await h.StartWorkerAsync();

        await h.RunUntilAsync(() => h.Stub.Requests.Count == 20, Minute, TimeSpan.FromMilliseconds(10));

        var times = h.Stub.Requests.Select(r => r.At).Order().ToList();
        for (var i = 7; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - 7] >= TimeSpan.FromSeconds(1), $"8 messages within {times[i] - times[i - 7]}");
        }
    }

    [Fact]
    public async Task The_per_conversation_30_second_allowance_is_never_exceeded()
    {
        await using var h = await DeliveryHarness.StartAsync(_ => new ConnectorStubOptions { PerConversationPerSecond = null },
            new() { ["Delivery:PerConversationPer30Seconds"] = "10" });
        for (var job = 0; job < 12; job++)
        {
            h.Enqueue("job-" + job, "a:group");
        }

        await h.StartWorkerAsync();

        await h.RunUntilAsync(() => h.Stub.Requests.Count == 12, TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(100));

        var times = h.Stub.Requests.Select(r => r.At).Order().ToList();
        Assert.True(times[10] - times[0] >= TimeSpan.FromSeconds(30), $"11 messages within {times[10] - times[0]}");
    }

    [Fact]
    public async Task The_global_rate_never_exceeds_the_configured_limit()
    {
        await using var h = await DeliveryHarness.StartAsync(settings: new() { ["Delivery:MessagesPerSecond"] = "10" });
        h.Enqueue("job", Enumerable.Range(0, 30).Select(i => "a:" + i).ToArray());
        await h.StartWorkerAsync();

        await h.RunUntilAsync(() => h.AllFinished("job"), Minute, TimeSpan.FromMilliseconds(2));

        var times = h.Stub.Requests.Select(r => r.At).Order().ToList();
        Assert.Equal(30, times.Count);
        for (var i = 10; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - 10] >= TimeSpan.FromSeconds(0.95), $"11 messages within {times[i] - times[i - 10]}");
        }
    }

    [Fact]
    public async Task Items_left_on_the_wire_by_a_crash_are_sent_again_at_start_up()
    {
        await using var h = await DeliveryHarness.StartAsync();
        h.Enqueue("job", "a:1", "a:2");
        var stuck = h.Store.Find(DeliveryItem.MakeId("job", "29:a:1"))!;
        stuck.State = DeliveryState.Sending;
        stuck.Attempts = 1;
        stuck.DueAt = DateTimeOffset.MaxValue;
        h.Store.Save(stuck);

        await h.StartWorkerAsync();
        await h.RunUntilAsync(() => h.AllFinished("job"), Minute);

        var item = h.Store.Find(stuck.Id)!;
        Assert.Equal(DeliveryState.Sent, item.State);
        Assert.Equal(1, item.Interruptions);
        Assert.Equal(2, item.Attempts);
        Assert.Single(h.Stub.To("a:1"));
    }

    [Fact]
    public async Task Withdrawn_items_are_never_sent()
    {
        await using var h = await DeliveryHarness.StartAsync();
        h.Queue.Enqueue("reminder:XX-1:r0:10m", new[] { "a:1", "a:2" }.Select(c => new DeliveryRequest("29:" + c, h.Reference(c), MessageFactory.Text("旧时间"))),
            notBefore: h.Time.GetUtcNow().AddMinutes(1));
        h.Enqueue("other", "a:3");
        await h.StartWorkerAsync();

        Assert.Equal(2, h.Queue.Withdraw("reminder:XX-1:"));
        await h.RunUntilAsync(() => h.AllFinished("other"), Minute);
        await h.AdvanceAsync(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1));

        Assert.DoesNotContain(h.Stub.Requests, r => r.Body.Contains("旧时间"));
        Assert.All(h.Store.ListJob("reminder:XX-1:r0:10m"), i => Assert.Equal(DeliveryState.Cancelled, i.State));
    }

    [Fact]
    public async Task A_broken_reference_fails_the_item_without_sending()
    {
        await using var h = await DeliveryHarness.StartAsync();
        var reference = h.Reference("a:1");
        reference.ServiceUrl = null;
        h.Queue.Enqueue("job", [new DeliveryRequest("29:a:1", reference, new Activity(ActivityTypes.Message, text: "x"))]);
        await h.StartWorkerAsync();

        await h.RunUntilAsync(() => h.AllFinished("job"), Minute);

        Assert.Equal(DeliveryState.Failed, h.Store.Find(DeliveryItem.MakeId("job", "29:a:1"))!.State);
        Assert.Empty(h.Stub.Requests);
    }
}
