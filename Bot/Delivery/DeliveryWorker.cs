using System.Collections.Concurrent;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Polly;
using Polly.Retry;

namespace Cppcc.Bot.Delivery;

/// <summary>
/// The sender loop: picks due items, one at a time per conversation, up to <see cref="DeliveryOptions.MaxConcurrency"/>
/// at once; every attempt waits for the per-conversation pace and a global permit, is marked "Sending" before it goes on
/// the wire and gets its outcome committed as soon as the Connector answers.
/// </summary>
public sealed class DeliveryWorker : BackgroundService
{
    /// <summary>How long the loop waits after the queue could not be read before it tries again.</summary>
    private static readonly TimeSpan StorageRetry = TimeSpan.FromSeconds(5);

    private static readonly ResiliencePropertyKey<DeliveryItem> ItemKey = new("delivery.item");
    private static readonly ResiliencePropertyKey<long> OnWireKey = new("delivery.onWire");
    private static readonly ResiliencePropertyKey<InFlightSlot> SlotKey = new("delivery.slot");

    private readonly IDeliveryStore _store;
    private readonly IDeliveryChannel _channel;
    private readonly ISendRate _rate;
    private readonly IConversationPacer _pacer;
    private readonly DeliverySignal _signal;
    private readonly DeliveryMetrics _metrics;
    private readonly DeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly BackgroundActivity _activity;
    private readonly ILogger<DeliveryWorker> _logger;
    private readonly ResiliencePipeline<DeliveryOutcome> _pipeline;
    private readonly ConcurrentDictionary<string, byte> _busyItems = new();
    private readonly ConcurrentDictionary<string, byte> _busyConversations = new();
    private readonly Queue<string> _buffer = new();
    private readonly ParkingSemaphore _inFlight;

    public DeliveryWorker(IDeliveryStore store, IDeliveryChannel channel, ISendRate rate, IConversationPacer pacer,
        DeliverySignal signal, DeliveryMetrics metrics, IOptions<DeliveryOptions> options, TimeProvider time,
        BackgroundActivity activity, ILogger<DeliveryWorker> logger)
    {
        _store = store;
        _channel = channel;
        _rate = rate;
        _pacer = pacer;
        _signal = signal;
        _metrics = metrics;
        _options = options.Value;
        _time = time;
        _activity = activity;
        _logger = logger;
        _inFlight = new ParkingSemaphore(_options.MaxInFlight, activity);
        _pipeline = BuildPipeline();
    }

    /// <summary>The loop counts as working from its start until it first parks (see <see cref="BackgroundActivity"/>).</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _activity.Enter();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var interrupted = _store.RequeueInterrupted(_time.GetUtcNow());
            if (interrupted > 0)
            {
                _logger.LogWarning("Re-sending {Count} deliveries that were on the wire when the bot stopped; each may arrive twice", interrupted);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage failing now (disk full, a damaged page) must not stop the host: the items stay claimed and their
            // leases or the next start bring them back.
            _logger.LogWarning("Deliveries interrupted by the last stop could not be re-queued: {Error}", e.Message);
        }

        var slots = new ParkingSemaphore(_options.MaxConcurrency, _activity);
        var running = new ConcurrentDictionary<Task, byte>();
        // A queue shared with other instances: keep the claims on this instance's items alive while it works on them.
        var renewing = _store.LeaseDuration is { } lease ? RenewLeasesAsync(lease / 3, stoppingToken) : Task.CompletedTask;
        try
        {
            while (true)
            {
                await slots.WaitAsync(stoppingToken);
                DeliveryItem? item;
                try
                {
                    item = NextItem();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The queue could not be read (disk full, a damaged page): wait and try again, never stop the host.
                    slots.Release();
                    _logger.LogWarning("The delivery queue could not be read, trying again in {Delay}: {Error}", StorageRetry, e.Message);
                    // New work wakes the loop early, as in WaitForWorkAsync (and so takes the wake-up it counted).
                    await _signal.WaitAsync(StorageRetry, _time, stoppingToken);
                    continue;
                }

                if (item is null)
                {
                    slots.Release();
                    await WaitForWorkAsync(stoppingToken);
                    continue;
                }
                _busyItems[item.Id] = 0;
                _busyConversations[item.ConversationId] = 0;
                _activity.Enter(); // the item works until it parks or finishes
                var task = Task.Run(() => ProcessAsync(item, stoppingToken), CancellationToken.None);
                running[task] = 0;
                _ = task.ContinueWith(t =>
                {
                    _busyItems.TryRemove(item.Id, out _);
                    _busyConversations.TryRemove(item.ConversationId, out _);
                    running.TryRemove(t, out _);
                    // Wake the loop before this item stops counting as working, so the engine never looks idle in between.
                    _signal.Set();
                    slots.Release();
                    _activity.Leave();
                }, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Graceful stop: sends already on the wire finish and record their outcome, so a normal restart duplicates nothing.
            await Task.WhenAll(running.Keys);
            await renewing;
        }
    }

    private async Task RenewLeasesAsync(TimeSpan every, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(every, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    _store.RenewLeases(_busyItems.Keys.ToList(), _time.GetUtcNow());
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _logger.LogWarning(e, "Could not renew the claims on this instance's deliveries; trying again");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private DeliveryItem? NextItem()
    {
        var now = _time.GetUtcNow();
        for (var pass = 0; pass < 2; pass++)
        {
            while (_buffer.TryDequeue(out var id))
            {
                if (_busyItems.ContainsKey(id))
                {
                    continue;
                }
                // Re-read (and, on a shared queue, claim): the buffered copy may be stale (finished meanwhile, or taken
                // over by another instance); sending it again would duplicate.
                var item = _store.Take(id, now);
                if (item is null || _busyConversations.ContainsKey(item.ConversationId))
                {
                    continue;
                }

                return item;
            }
            if (pass == 0)
            {
                foreach (var due in _store.Claim(now, 4 * _options.MaxConcurrency))
                {
                    _buffer.Enqueue(due.Id);
                }
            }
        }
        return null;
    }

    private async Task WaitForWorkAsync(CancellationToken stoppingToken)
    {
        var next = _store.NextDue();
        var delay = next is null ? TimeSpan.FromMinutes(1) : next.Value - _time.GetUtcNow();
        // Due but busy (its conversation has a send in flight): the finishing send signals us.
        if (delay <= TimeSpan.Zero || delay > TimeSpan.FromMinutes(1))
        {
            delay = delay <= TimeSpan.Zero ? TimeSpan.FromSeconds(1) : TimeSpan.FromMinutes(1);
        }
        // A shared queue gets items from other instances (and items of dead ones) without a signal here: look again soon.
        if (_store.LeaseDuration is not null && delay > _options.PollInterval)
        {
            delay = _options.PollInterval;
        }

        await _signal.WaitAsync(delay, _time, stoppingToken);
    }

    private async Task ProcessAsync(DeliveryItem item, CancellationToken stoppingToken)
    {
        try
        {
            var reference = JsonConvert.DeserializeObject<ConversationReference>(item.ReferenceJson);
            var activity = JsonConvert.DeserializeObject<Activity>(item.ActivityJson);
            if (reference?.Conversation?.Id is null || string.IsNullOrEmpty(reference.ServiceUrl) || activity is null)
            {
                Finish(item, new DeliveryOutcome(OutcomeKind.Failed, item.Attempts, Error: "BadReference"), null);
                return;
            }
            var context = ResilienceContextPool.Shared.Get(stoppingToken);
            var slot = new InFlightSlot(_inFlight);
            try
            {
                context.Properties.Set(ItemKey, item);
                context.Properties.Set(SlotKey, slot);
                var outcome = await _pipeline.ExecuteAsync(
                    static (ctx, s) => s.Worker.AttemptAsync(ctx, s.Item, s.Reference, s.Activity),
                    context, (Worker: this, Item: item, Reference: reference, Activity: activity));
                Finish(item, outcome, context.Properties.TryGetValue(OnWireKey, out var since) ? since : null);
                slot.Release();
            }
            finally
            {
                slot.Release();
                ResilienceContextPool.Shared.Return(context);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped while waiting for a permit or a retry: the item is Pending on disk and is picked up at start-up.
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Delivery of an item of job {JobId} failed unexpectedly; retrying it in a minute", item.JobId);
            RequeueAfterBug(item);
        }
    }

    private void RequeueAfterBug(DeliveryItem item)
    {
        try
        {
            if (item.State.IsFinal())
            {
                return;
            }

            item.State = DeliveryState.Pending;
            item.DueAt = _time.GetUtcNow() + TimeSpan.FromMinutes(1);
            _store.Save(item);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Could not requeue an item of job {JobId}; start-up will re-examine it", item.JobId);
        }
    }

    private async ValueTask<DeliveryOutcome> AttemptAsync(ResilienceContext context, DeliveryItem item,
        ConversationReference reference, Activity activity)
    {
        var stoppingToken = context.CancellationToken;
        // Held until this attempt's outcome is committed (Finish / OnRetry), so at most MaxInFlight items are "Sending".
        await context.Properties.GetValue(SlotKey, null!).EnterAsync(stoppingToken);
        for (var wait = _pacer.DelayBeforeNext(item.ConversationId); wait > TimeSpan.Zero; wait = _pacer.DelayBeforeNext(item.ConversationId))
        {
            await _activity.DelayAsync(wait, _time, stoppingToken);
        }

        await _rate.AcquireAsync(stoppingToken);
        // Withdrawn while it waited (its session moved or was cancelled): do not send stale news.
        if (_store.IsCancelled(item.Id))
        {
            return new DeliveryOutcome(OutcomeKind.Withdrawn, item.Attempts);
        }

        item.Attempts++;
        item.State = DeliveryState.Sending;
        item.DueAt = DateTimeOffset.MaxValue;
        item.UpdatedAt = _time.GetUtcNow();
        _store.Save(item);
        context.Properties.Set(OnWireKey, _time.GetTimestamp());
        _metrics.Attempted();
        try
        {
            // Not the stopping token: once on the wire, let the send finish so its outcome is recorded (no duplicate on restart).
            using var deadline = new CancellationTokenSource(_options.SendTimeout, _time);
            using var onWire = await _rate.OnWireAsync(deadline.Token);
            var id = await _channel.SendAsync(reference, activity, deadline.Token);
            return new DeliveryOutcome(OutcomeKind.Sent, item.Attempts, ActivityId: id);
        }
        catch (Exception e)
        {
            return OutcomeClassifier.Classify(e, item.Attempts, _time.GetUtcNow());
        }
        finally
        {
            // Stamped when the answer is back, so it is never earlier than when the Connector saw the request: the
            // per-conversation window then holds as Teams measures it, whatever the latency.
            _pacer.Record(item.ConversationId);
        }
    }

    private void Finish(DeliveryItem item, DeliveryOutcome outcome, long? onWireSince)
    {
        var now = _time.GetUtcNow();
        item.State = outcome.Kind switch
        {
            OutcomeKind.Sent => DeliveryState.Sent,
            OutcomeKind.Blocked => DeliveryState.Blocked,
            OutcomeKind.Failed => DeliveryState.Failed,
            OutcomeKind.Withdrawn => DeliveryState.Cancelled,
            _ => DeliveryState.DeadLetter,
        };
        item.DueAt = DateTimeOffset.MaxValue;
        item.UpdatedAt = now;
        item.LastStatus = outcome.Status;
        item.LastError = outcome.Error;
        if (outcome.Kind == OutcomeKind.Sent)
        {
            item.SentAt = now;
            item.ActivityId = outcome.ActivityId;
        }
        _store.Save(item);
        if (onWireSince is { } since)
        {
            _metrics.UncertainFor(_time.GetElapsedTime(since));
        }

        _metrics.Finished(outcome.Kind);
        if (item.State != DeliveryState.Sent)
        {
            _logger.LogInformation("Delivery for job {JobId} ended {State} after {Attempts} attempts (status {Status}, {Error})",
                item.JobId, item.State, item.Attempts, outcome.Status, outcome.Error);
        }
    }

    private ResiliencePipeline<DeliveryOutcome> BuildPipeline() =>
        // Retry delays park the item until their timer fires (see BackgroundActivity).
        new ResiliencePipelineBuilder<DeliveryOutcome> { TimeProvider = _activity.CountingWakeUps(_time) }
            .AddRetry(new RetryStrategyOptions<DeliveryOutcome>
            {
                // The attempt count is persisted, so the limit holds across restarts: Polly's own counter restarts at 0.
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result is { ShouldRetry: true } r && r.Attempt < _options.MaxAttempts),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.BaseDelay,
                MaxDelay = _options.MaxDelay,
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
                OnRetry = args =>
                {
                    var item = args.Context.Properties.GetValue(ItemKey, null!);
                    var outcome = args.Outcome.Result!;
                    var now = _time.GetUtcNow();
                    item.State = DeliveryState.Pending;
                    item.DueAt = now + args.RetryDelay;
                    item.UpdatedAt = now;
                    item.LastStatus = outcome.Status;
                    item.LastError = outcome.Error;
                    _store.Save(item);
                    args.Context.Properties.GetValue(SlotKey, null!).Release();
                    if (args.Context.Properties.TryGetValue(OnWireKey, out var since))
                    {
                        _metrics.UncertainFor(_time.GetElapsedTime(since));
                    }

                    if (outcome.Kind == OutcomeKind.Throttled)
                    {
                        _rate.PauseFor(args.RetryDelay);
                        _logger.LogWarning("Connector throttled (429): pausing all sends for {Delay}", args.RetryDelay);
                    }
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}
