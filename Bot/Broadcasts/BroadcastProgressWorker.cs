using Cppcc.Bot.Delivery;
using Cppcc.Bot.Proactive;
using Cppcc.Dialogs.Broadcasts;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace Cppcc.Bot.Broadcasts;

/// <summary>
/// Keeps each running broadcast's progress card up to date (updated in place, only when the counts moved) and sends
/// the summary when every recipient has an outcome. Survives restarts: unfinished broadcasts are picked up again.
/// </summary>
public sealed class BroadcastProgressWorker(IBroadcastStore store, BroadcastService broadcasts, DeliveryQueue queue, ProactiveMessenger messenger,
    ISendRate rate, BackgroundActivity activity, IOptions<BroadcastsOptions> options, TimeProvider time, ILogger<BroadcastProgressWorker> logger)
    : BackgroundService
{
    /// <summary>How long the summary waits for a progress card that is still being sent.</summary>
    private static readonly TimeSpan CardGrace = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var broadcast in Unfinished())
            {
                try
                {
                    await RefreshAsync(broadcast, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Progress of broadcast {BroadcastId} could not be shown", broadcast.Id);
                }
            }
            await Task.Delay(options.Value.ProgressInterval, time, stoppingToken);
        }
    }

    /// <summary>The broadcasts still going, or none this pass when storage fails (disk full): the next pass tries again.</summary>
    private IEnumerable<Broadcast> Unfinished()
    {
        try
        {
            return store.Unfinished();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Broadcast progress could not be read, trying again in {Interval}: {Error}", options.Value.ProgressInterval, e.Message);
            return [];
        }
    }

    private async Task RefreshAsync(Broadcast broadcast, CancellationToken cancellationToken)
    {
        broadcasts.EnsureQueued(broadcast);
        var counts = queue.Progress(broadcast.Id).ToBroadcastCounts();
        // The broadcast row is written just before its items: until they are all queued it is not done.
        var done = counts.Pending == 0 && counts.Total >= broadcast.Recipients;
        // Null when the sender had no personal chat to report to: the results stay available through 通知结果.
        var reference = JsonConvert.DeserializeObject<ConversationReference>(broadcast.StaffReferenceJson);
        if (reference is not null && counts.ToString() != broadcast.LastShown && broadcast.ProgressActivityId is { } cardId)
        {
            await WithinSendRateAsync(() => messenger.UpdateAsync(reference, cardId,
                BroadcastCards.Progress(broadcast.Id, counts, reference.Locale, done), cancellationToken), cancellationToken);
            broadcast.LastShown = counts.ToString();
            store.Save(broadcast);
        }

        // Every instance watches every broadcast; the one that marks it finished sends the summary. A small broadcast can
        // be delivered before its progress card (sent right after the reply) is on screen; the summary then waits for
        // the card, so that the card is brought to its final counts first instead of showing "0 of N" for good. A
        // card that could not be sent is not waited for beyond the grace.
        var cardOnItsWay = reference is not null && broadcast.ProgressActivityId is null && time.GetUtcNow() - broadcast.CreatedAt < CardGrace;
        if (done && !cardOnItsWay && store.TryFinish(broadcast))
        {
            if (reference is not null)
            {
                try
                {
                    await WithinSendRateAsync(() => messenger.SendAsync(reference,
                        BroadcastCards.SummaryText(broadcast.Id, counts, reference.Locale), cancellationToken), cancellationToken);
                }
                catch
                {
                    // Not shown: unfinished again, so the next round (on any instance) tries once more.
                    broadcast.Finished = false;
                    store.Save(broadcast);
                    throw;
                }
            }
            logger.LogInformation("Broadcast {BroadcastId} finished: {Sent} delivered, {Failed} failed", broadcast.Id, counts.Sent, counts.Failed);
        }
    }

    /// <summary>
    /// The card refresh and the summary are Connector requests like the notices, so they take a permit of the same
    /// bot-wide rate: with several instances, each refreshing every running broadcast's card, they otherwise push the
    /// requests past the ceiling (31 in one second and two 429s, seen with two instances). While it waits for a permit
    /// the worker counts as working, as the delivery senders do.
    /// </summary>
    private async Task WithinSendRateAsync(Func<Task> send, CancellationToken cancellationToken)
    {
        activity.Enter();
        try
        {
            await rate.AcquireAsync(cancellationToken);
            using var onWire = await rate.OnWireAsync(cancellationToken);
            await send();
        }
        finally
        {
            activity.Leave();
        }
    }
}
