using Cppcc.Bot.Delivery;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Bot.Tests.Storage.Contracts;

/// <summary>What every <see cref="IDeliveryStore"/> does, on LiteDB and on PostgreSQL; then what only a shared queue does.</summary>
public sealed class DeliveryStoreContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
    private static readonly DeliveryOptions Options = new() { LeaseDuration = TimeSpan.FromSeconds(30) };

    private static Task<StoreContext> OpenAsync(StorageProvider provider)
        => StoreContext.CreateAsync(provider, services => services.AddSingleton(Options), new PostgresSchema("delivery-001", PostgresDeliveryStore.Schema));

    private static IDeliveryStore Store(StoreContext context) => context.Store<IDeliveryStore, DeliveryStore, PostgresDeliveryStore>();

    private static (IDeliveryStore First, IDeliveryStore Second) Stores(StoreContext context)
        => context.TwoInstances<IDeliveryStore, DeliveryStore, PostgresDeliveryStore>();

    private static DeliveryItem Item(string job, int recipient, DateTimeOffset? due = null) => new()
    {
        Id = DeliveryItem.MakeId(job, "msteams:" + recipient),
        JobId = job,
        RecipientKey = "msteams:" + recipient,
        ConversationId = "a:" + recipient,
        ReferenceJson = "{}",
        ActivityJson = "{\"text\":\"通知\"}",
        State = DeliveryState.Pending,
        DueAt = due ?? Now,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    [StoreTheory]
    public async Task Enqueueing_is_idempotent_per_job_and_recipient_and_items_read_back_whole(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var store = Store(context);

        Assert.Equal(3, store.AddNew(Enumerable.Range(0, 3).Select(i => Item("TZ-2026-0001", i))));
        Assert.Equal(1, store.AddNew(Enumerable.Range(0, 4).Select(i => Item("TZ-2026-0001", i))));

        var item = store.Find("TZ-2026-0001/msteams:2")!;
        Assert.Equal(("a:2", "{\"text\":\"通知\"}", DeliveryState.Pending, Now), (item.ConversationId, item.ActivityJson, item.State, item.DueAt));
        item.State = DeliveryState.Sent;
        item.SentAt = Now.AddSeconds(1);
        item.ActivityId = "1:abc";
        item.LastStatus = 201;
        item.Attempts = 1;
        item.DueAt = DateTimeOffset.MaxValue;
        store.Save(item);
        var saved = store.Find(item.Id)!;
        Assert.Equal((DeliveryState.Sent, Now.AddSeconds(1), "1:abc", 201, 1), (saved.State, saved.SentAt, saved.ActivityId, saved.LastStatus, saved.Attempts));
        Assert.Equal(DateTimeOffset.MaxValue, saved.DueAt);
        Assert.Equal(4, store.ListJob("TZ-2026-0001").Count);
        Assert.Equal(new Dictionary<DeliveryState, int> { [DeliveryState.Pending] = 3, [DeliveryState.Sent] = 1 }, store.CountByState("TZ-2026-0001"));
    }

    [StoreTheory]
    public async Task Only_due_pending_items_are_taken_and_withdrawn_ones_never(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var store = Store(context);
        store.AddNew([Item("HD-1:r0:60m", 1), Item("HD-1:r0:60m", 2, Now.AddMinutes(5)), Item("TZ-2026-0002", 3)]);

        Assert.Equal(["HD-1:r0:60m/msteams:1", "TZ-2026-0002/msteams:3"], store.Claim(Now, 10).Select(i => i.Id).Order());
        Assert.Equal(Now, store.NextDue());
        Assert.Null(store.Take("HD-1:r0:60m/msteams:2", Now));
        Assert.NotNull(store.Take("HD-1:r0:60m/msteams:2", Now.AddMinutes(5)));
        Assert.Equal(2, store.CancelPending("HD-1:", Now));
        Assert.True(store.IsCancelled("HD-1:r0:60m/msteams:1"));
        Assert.Null(store.Take("HD-1:r0:60m/msteams:1", Now));
        Assert.Equal(["TZ-2026-0002/msteams:3"], store.Claim(Now.AddMinutes(10), 10).Select(i => i.Id));
        var sent = store.Find("TZ-2026-0002/msteams:3")!;
        sent.State = DeliveryState.Sent;
        store.Save(sent);
        Assert.Equal(["msteams:3"], store.DeliveredInJobs("TZ-").Select(i => i.RecipientKey));
        Assert.Empty(store.DeliveredInJobs("HD-"));
        Assert.Null(store.NextDue());
    }

    [StoreTheory]
    public async Task Items_an_instance_claimed_but_left_for_later_are_offered_to_it_again_at_once(StorageProvider provider)
    {
        // The worker sends one item per conversation at a time and leaves the others of a busy conversation in the
        // queue. Held back until their lease ran out, 200 notices to one staff chat went out at 7 per 30 s (found by hand).
        await using var context = await OpenAsync(provider);
        var store = Store(context);
        store.AddNew([Item("TZ-2026-0001", 1), Item("TZ-2026-0002", 1), Item("TZ-2026-0003", 1)]);

        var first = store.Claim(Now, 10);
        var sent = store.Take(first[0].Id, Now)!;
        sent.State = DeliveryState.Sent;
        sent.DueAt = DateTimeOffset.MaxValue;
        store.Save(sent);

        Assert.Equal(2, store.Claim(Now.AddSeconds(1), 10).Count);
    }

    [PostgresFact]
    public async Task Free_items_come_before_the_ones_an_instance_already_holds()
    {
        // Otherwise a conversation with many items waiting (the worker sends one at a time per conversation) fills every
        // batch with items the worker is holding, and the rest of the queue waits behind it.
        await using var context = await OpenAsync(StorageProvider.PostgreSql);
        var store = Store(context);
        store.AddNew(Enumerable.Range(0, 5).Select(i => Item("TZ-2026-0006", i, Now.AddSeconds(-10 + i))));

        var held = store.Claim(Now, 3).Select(i => i.Id).ToHashSet();
        var next = store.Claim(Now, 3).Select(i => i.Id).ToList();

        Assert.Equal(2, next.Count(id => !held.Contains(id)));
        Assert.Equal(3, next.Count);
    }

    [PostgresFact]
    public async Task Two_instances_claiming_at_once_never_get_the_same_item()
    {
        await using var context = await OpenAsync(StorageProvider.PostgreSql);
        var (first, second) = Stores(context);
        first.AddNew(Enumerable.Range(0, 1000).Select(i => Item("TZ-2026-0003", i)));

        // Eight claimers, four per instance, each taking small batches until a batch brings its instance nothing new
        // (an instance's own claims come back to it, so "empty" never comes).
        var ofInstance = new[] { new System.Collections.Concurrent.ConcurrentDictionary<string, byte>(), new System.Collections.Concurrent.ConcurrentDictionary<string, byte>() };
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            var store = i % 2 == 0 ? first : second;
            var seen = ofInstance[i % 2];
            var mine = new List<string>();
            for (var batch = store.Claim(Now, 5); ; batch = store.Claim(Now, 5))
            {
                var fresh = batch.Select(c => c.Id).Where(id => seen.TryAdd(id, 0)).ToList();
                if (fresh.Count == 0)
                {
                    return mine;
                }

                mine.AddRange(fresh);
            }
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(1000, all.Count);
        // Claimed items belong to their instance until the lease runs out: the other one cannot take them.
        var ofFirst = claims.Where((_, i) => i % 2 == 0).SelectMany(c => c).ToList();
        Assert.Null(second.Take(ofFirst[0], Now.AddSeconds(29)));
        Assert.NotNull(first.Take(ofFirst[0], Now.AddSeconds(29)));
        Assert.NotNull(second.Take(ofFirst[1], Now.AddSeconds(31)));
    }

    [PostgresFact]
    public async Task A_claim_passes_over_the_items_another_instance_is_claiming_right_now()
    {
        await using var context = await OpenAsync(StorageProvider.PostgreSql);
        var store = Store(context);
        store.AddNew(Enumerable.Range(0, 10).Select(i => Item("TZ-2026-0005", i, Now.AddSeconds(-i))));
        // Another instance in the middle of its claim holds the row locks of the five most overdue items.
        await using var other = await context.Postgres.OpenConnectionAsync();
        await using var claiming = await other.BeginTransactionAsync();
        await using (var lockRows = new Npgsql.NpgsqlCommand("SELECT id FROM deliveries ORDER BY due_at LIMIT 5 FOR UPDATE", other, claiming))
        {
            await lockRows.ExecuteNonQueryAsync();
        }

        var claimed = await Task.Run(() => store.Claim(Now, 10)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Enumerable.Range(0, 5).Select(i => "TZ-2026-0005/msteams:" + i).Order(), claimed.Select(i => i.Id).Order());
    }

    [PostgresFact]
    public async Task The_items_of_an_instance_that_died_mid_send_are_resumed_by_another_once_its_lease_ran_out()
    {
        await using var context = await OpenAsync(StorageProvider.PostgreSql);
        var (dead, alive) = Stores(context);
        dead.AddNew([Item("TZ-2026-0004", 1), Item("TZ-2026-0004", 2), Item("TZ-2026-0004", 3)]);
        var onWire = dead.Take("TZ-2026-0004/msteams:1", Now)!;
        onWire.State = DeliveryState.Sending;
        onWire.Attempts = 1;
        onWire.DueAt = DateTimeOffset.MaxValue;
        dead.Save(onWire);
        var renewed = dead.Take("TZ-2026-0004/msteams:2", Now)!;
        dead.Take("TZ-2026-0004/msteams:3", Now);
        dead.RenewLeases([renewed.Id], Now.AddSeconds(20));

        // Within the lease nothing moves: the instance may be alive and its send still on the wire.
        Assert.Empty(alive.Claim(Now.AddSeconds(29), 10));
        Assert.Equal(0, alive.RequeueInterrupted(Now.AddSeconds(29)));

        var resumed = alive.Claim(Now.AddSeconds(31), 10);

        Assert.Equal(["TZ-2026-0004/msteams:1", "TZ-2026-0004/msteams:3"], resumed.Select(i => i.Id).Order());
        Assert.Equal(1, resumed.Single(i => i.Id.EndsWith(":1", StringComparison.Ordinal)).Interruptions);
        Assert.Equal(DeliveryState.Pending, alive.Find(onWire.Id)!.State);
        // The renewed claim still holds until its own lease (from the renewal) runs out.
        Assert.Null(alive.Take(renewed.Id, Now.AddSeconds(31)));
        Assert.NotNull(alive.Take(renewed.Id, Now.AddSeconds(51)));
        // The dead instance's late write cannot undo the item another instance now holds.
        onWire.State = DeliveryState.Sent;
        dead.Save(onWire);
        Assert.Equal(DeliveryState.Pending, alive.Find(onWire.Id)!.State);
    }
}
