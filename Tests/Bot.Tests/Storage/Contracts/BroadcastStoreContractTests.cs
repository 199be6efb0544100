using Cppcc.Bot.Broadcasts;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.Storage.Contracts;

/// <summary>What every <see cref="IBroadcastStore"/> does, on LiteDB and on PostgreSQL.</summary>
public sealed class BroadcastStoreContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static Task<StoreContext> OpenAsync(StorageProvider provider)
        => StoreContext.CreateAsync(provider, new PostgresSchema("broadcasts-001", PostgresBroadcastStore.Schema));

    private static (IBroadcastStore First, IBroadcastStore Second) Stores(StoreContext context)
        => context.TwoInstances<IBroadcastStore, BroadcastStore, PostgresBroadcastStore>();

    [StoreTheory]
    public async Task Broadcasts_started_at_once_get_distinct_numbers_and_one_instance_finishes_each(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var (first, second) = Stores(context);

        var ids = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).Add(new Broadcast { Year = 2026, Text = "通知" + i, CreatedAt = Now, Recipients = i }).Id)));
        var read = second.Find(ids[7])!;
        read.LastShown = "1/0/6";
        first.Save(read);

        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"TZ-2026-{n:D4}"), ids.Order());
        Assert.Equal(("通知7", 7, "1/0/6", Now), (first.Find(ids[7])!.Text, read.Recipients, first.Find(ids[7])!.LastShown, first.Find(ids[7])!.CreatedAt));
        var finished = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).TryFinish(first.Find(ids[0])!))));
        Assert.Equal(1, finished.Count(f => f));
        Assert.Equal(11, second.Unfinished().Count);
        Assert.DoesNotContain(ids[0], first.Unfinished().Select(b => b.Id));
    }

    [StoreTheory]
    public async Task The_same_notice_started_at_once_on_two_instances_is_added_once(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var stores = context.Instances<IBroadcastStore, BroadcastStore, PostgresBroadcastStore>(4);
        Broadcast Notice(string text = "周五集中学习", string sender = "msteams:staff", string audience = "all", int minutes = 0)
            => new() { Year = 2026, Text = text, Audience = audience, CreatedBy = sender, CreatedAt = Now.AddMinutes(minutes) };
        var since = Now.AddMinutes(-10);

        // A double click reaches two instances within the same moment: exactly one of them adds it.
        var claims = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => stores[i % stores.Count].AddUnlessRepeated(Notice(), since))));

        var added = Assert.Single(claims, c => c.Added).Broadcast;
        Assert.All(claims, c => Assert.Equal(added.Id, c.Broadcast.Id));
        Assert.Equal(("周五集中学习", "msteams:staff"), (stores[^1].Find(added.Id)!.Text, stores[^1].Find(added.Id)!.CreatedBy));
        // Another text, another audience, another sender, or the same notice once the window has passed: a new notice.
        Assert.True(stores[0].AddUnlessRepeated(Notice("周五集中学习，地点三楼"), since).Added);
        Assert.True(stores[0].AddUnlessRepeated(Notice(audience: "民盟"), since).Added);
        Assert.True(stores[^1].AddUnlessRepeated(Notice(sender: "msteams:staff-2"), since).Added);
        Assert.True(stores[^1].AddUnlessRepeated(Notice(minutes: 11), Now.AddMinutes(1)).Added);
        Assert.Equal(5, stores[0].Unfinished().Count);
    }

    [PostgresFact]
    public async Task A_copy_read_before_another_instance_finished_the_broadcast_does_not_reopen_it()
    {
        await using var context = await OpenAsync(StorageProvider.PostgreSql);
        var (first, second) = Stores(context);
        var id = first.Add(new Broadcast { Year = 2026, Text = "通知", CreatedAt = Now }).Id;
        var stale = second.Find(id)!;

        Assert.True(first.TryFinish(first.Find(id)!));
        stale.LastShown = "3/0/0";
        second.Save(stale);

        Assert.True(first.Find(id)!.Finished);
        Assert.Equal("3/0/0", first.Find(id)!.LastShown);
        Assert.Empty(first.Unfinished());
        Assert.False(second.TryFinish(second.Find(id)!));
    }
}
