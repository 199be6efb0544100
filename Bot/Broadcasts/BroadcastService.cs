using Cppcc.Bot.Audiences;
using Cppcc.Bot.Conversations;
using Cppcc.Bot.Delivery;
using Cppcc.Bot.Proactive;
using Cppcc.Dialogs.Broadcasts;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace Cppcc.Bot.Broadcasts;

/// <summary>
/// Starts broadcasts: one delivery item per member, then the progress card in the sender's personal chat (a broadcast
/// started from a group chat or channel reports its progress privately).
/// </summary>
public sealed class BroadcastService(IBroadcastStore store, AudienceResolver audiences, DeliveryQueue queue,
    ProactiveMessenger messenger, PersonalConversations personal, IOptions<BroadcastsOptions> options, TimeProvider time, OfficeTime office,
    ILogger<BroadcastService> logger) : IBroadcasts
{
    /// <inheritdoc />
    public IReadOnlyList<string> Audiences() => audiences.Names();

    /// <inheritdoc />
    public async Task<BroadcastStarted> StartAsync(BroadcastRequest request, Caller sender, ConversationReference staffConversation,
        CancellationToken cancellationToken)
    {
        if (audiences.Resolve(request.Audience) is not var (reachable, unreachable))
        {
            return new BroadcastStarted("", 0, 0);
        }

        if (reachable.Count == 0)
        {
            return new BroadcastStarted("", 0, unreachable);
        }

        var now = time.GetUtcNow();
        staffConversation.ActivityId = null;
        var progressConversation = await ProgressConversationAsync(sender, staffConversation, cancellationToken);
        var claim = store.AddUnlessRepeated(new Broadcast
        {
            Year = office.Year(now),
            Text = request.Text,
            Link = string.IsNullOrWhiteSpace(request.Link) ? null : request.Link,
            LinkTitle = string.IsNullOrWhiteSpace(request.LinkTitle) ? null : request.LinkTitle,
            Audience = request.Audience,
            CreatedBy = sender.UserKey,
            CreatedAt = now,
            Recipients = reachable.Count,
            StaffReferenceJson = progressConversation is null ? "" : JsonConvert.SerializeObject(progressConversation),
        }, now - options.Value.RepeatWindow);
        var broadcast = claim.Broadcast;
        if (!claim.Added)
        {
            logger.LogInformation("Repeated start of broadcast {BroadcastId} answered with it; nothing queued again", broadcast.Id);
            return new BroadcastStarted(broadcast.Id, broadcast.Recipients, 0) { Repeated = true };
        }

        Enqueue(broadcast, reachable);
        logger.LogInformation("Broadcast {BroadcastId} queued for {Count} recipients ({Unreachable} unreachable)", broadcast.Id, reachable.Count,
            unreachable);

        return new BroadcastStarted(broadcast.Id, reachable.Count, unreachable);
    }

    /// <inheritdoc />
    public async Task ShowProgressAsync(string broadcastId, CancellationToken cancellationToken)
    {
        // Sent after the sender was told the broadcast started, so the reply and its card arrive in that order.
        if (store.Find(broadcastId) is not { Finished: false, ProgressActivityId: null } broadcast)
        {
            return;
        }

        var counts = new BroadcastCounts(0, 0, broadcast.Recipients);
        try
        {
            if (string.IsNullOrEmpty(broadcast.StaffReferenceJson))
            {
                // The sender has no personal chat: the progress is never shown in a shared one.
                return;
            }

            var staffConversation = JsonConvert.DeserializeObject<ConversationReference>(broadcast.StaffReferenceJson)!;
            var card = BroadcastCards.Progress(broadcast.Id, counts, staffConversation.Locale, done: false);
            var cardId = await messenger.SendAsync(staffConversation, card, cancellationToken);
            // Re-read: the progress worker may have moved the broadcast on while the card was on its way.
            if (store.Find(broadcastId) is { } current)
            {
                current.ProgressActivityId = cardId;
                current.LastShown ??= counts.ToString();
                store.Save(current);
            }
        }
        catch (Exception e) when (e is ErrorResponseException or HttpRequestException)
        {
            // The broadcast goes on; the summary is tried again when it finishes.
            logger.LogWarning(e, "Progress card of broadcast {BroadcastId} could not be sent", broadcast.Id);
        }
    }

    /// <summary>The sender's personal chat (opened if need be), or null when it cannot be reached: never a shared one.</summary>
    private async Task<ConversationReference?> ProgressConversationAsync(Caller sender, ConversationReference turnConversation,
        CancellationToken cancellationToken)
    {
        if (ConversationScope.IsPersonal(turnConversation))
        {
            return turnConversation;
        }

        if (personal.For(sender.UserKey) is not { } reference)
        {
            return null;
        }
        try
        {
            return await personal.OpenAsync(reference, cancellationToken);
        }
        catch (Exception e) when (e is ErrorResponseException or HttpRequestException)
        {
            logger.LogWarning("No personal chat for the progress of a broadcast: {Error}", e.GetType().Name);
            return null;
        }
    }

    /// <summary>Queues a broadcast the process died before queueing completely (idempotent per recipient).</summary>
    public void EnsureQueued(Broadcast broadcast)
    {
        // A minute's grace: a broadcast being started right now is queued by StartAsync itself.
        if (broadcast.Queued || time.GetUtcNow() - broadcast.CreatedAt < TimeSpan.FromMinutes(1)
            || audiences.Resolve(broadcast.Audience) is not var (reachable, _))
        {
            return;
        }

        Enqueue(broadcast, reachable);
        logger.LogWarning("Broadcast {BroadcastId} was not fully queued when the bot stopped; queued it again", broadcast.Id);
    }

    private void Enqueue(Broadcast broadcast, List<Recipient> reachable)
    {
        var notice = broadcast.ToNotice();
        queue.Enqueue(broadcast.Id, reachable.Select(r => new DeliveryRequest(r.UserKey, r.Reference, BroadcastCards.Notice(notice, r.Reference.Locale))));
        broadcast.Queued = true;
        broadcast.Recipients = Math.Max(broadcast.Recipients, queue.Progress(broadcast.Id).Values.Sum());
        store.Save(broadcast);
    }

    /// <inheritdoc />
    public BroadcastReport? Report(string id)
    {
        if (store.Find(id) is not { } broadcast)
        {
            return null;
        }

        var items = queue.Results(broadcast.Id);
        var counts = items.GroupBy(i => i.State).ToDictionary(g => g.Key, g => g.Count()).ToBroadcastCounts();
        var names = items.ToDictionary(i => i.RecipientKey, i => JsonConvert.DeserializeObject<ConversationReference>(i.ReferenceJson)?.User?.Name ?? "");
        return new BroadcastReport(broadcast.Id, counts.Sent, counts.Failed, counts.Pending, DeliveryCsv.Write(items, key => names[key]));
    }
}
