using Cppcc.Bot.Storage;
using Cppcc.Bot.Tests.Support;
using Cppcc.Bot.WeChat;

namespace Cppcc.Bot.Tests.WeChat;

/// <summary>The WeChat user and image stores behave the same on LiteDB and PostgreSQL.</summary>
public class WeChatStoreContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static Task<StoreContext> OpenAsync(StorageProvider provider)
        => StoreContext.CreateAsync(provider, PostgresWeChatUserStore.Schema, PostgresWeChatImageStore.Schema);

    [StoreTheory]
    public async Task A_users_window_choices_and_undelivered_notices_are_kept_across_a_restart(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var store = context.Store<IWeChatUserStore, WeChatUserStore, PostgresWeChatUserStore>();
        store.Touch("o-1", Now);
        store.SetChoices("o-1", [new("参加", "参加", null), new("请假", null, """{"action":"session.rsvp"}""")]);
        for (var i = 0; i < 25; i++)
        {
            store.AddPending("o-1", "通知" + i);
        }

        store.AddPending("o-1", "通知24");
        store.RemovePending("o-1", "通知5");

        await context.ReopenAsync();
        var after = context.Store<IWeChatUserStore, WeChatUserStore, PostgresWeChatUserStore>();

        Assert.Equal(Now, after.LastInboundAt("o-1"));
        Assert.Null(after.LastInboundAt("o-2"));
        Assert.Equal(new WeChatChoice("请假", null, """{"action":"session.rsvp"}"""), after.Choice("o-1", 2));
        Assert.Null(after.Choice("o-1", 3));
        Assert.Null(after.Choice("o-2", 1));
        var pending = after.TakePending("o-1");
        Assert.Equal(Enumerable.Range(6, 19).Select(i => "通知" + i), pending);
        Assert.Empty(after.TakePending("o-1"));
        Assert.Equal(Now, after.LastInboundAt("o-1"));

        after.SetChoices("o-1", []);
        Assert.Null(after.Choice("o-1", 1));
    }

    [StoreTheory]
    public async Task Notices_kept_for_one_user_from_many_callers_at_once_are_all_kept(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var stores = context.Instances<IWeChatUserStore, WeChatUserStore, PostgresWeChatUserStore>(2);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => stores[i % stores.Count].AddPending("o-1", "通知" + i))));

        Assert.Equal(16, stores[0].TakePending("o-1").Count);
    }

    [StoreTheory]
    public async Task Images_are_kept_with_their_bytes_and_attached_to_a_suggestion_once(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var store = context.Store<IWeChatImageStore, WeChatImageStore, PostgresWeChatImageStore>();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];
        store.Add(new WeChatImageInfo("wechat/a", "o-1", null, "image/png", Now.UtcDateTime), "wechat/a.png", png);
        store.Add(new WeChatImageInfo("wechat/b", "o-1", null, "image/jpeg", Now.AddMinutes(1).UtcDateTime), "wechat/b.jpg", [1]);
        store.Add(new WeChatImageInfo("wechat/c", "o-2", null, "image/jpeg", Now.UtcDateTime), "wechat/c.jpg", [2]);

        Assert.Equal(["wechat/a", "wechat/b"], store.Unattached("o-1").Select(i => i.Id).Order());
        Assert.Equal(Now.UtcDateTime, store.Unattached("o-1").Min(i => i.ReceivedAt).ToUniversalTime());

        store.Attach("o-1", "JY-2026-0001");
        store.Add(new WeChatImageInfo("wechat/d", "o-1", null, "image/gif", Now.AddMinutes(5).UtcDateTime), "wechat/d.gif", [3]);

        Assert.Equal(["wechat/a", "wechat/b"], store.For("JY-2026-0001"));
        Assert.Equal(["wechat/d"], store.Unattached("o-1").Select(i => i.Id));
        Assert.Equal(["wechat/c"], store.Unattached("o-2").Select(i => i.Id));
        var (bytes, type, name) = store.Open("wechat/a")!.Value;
        Assert.Equal(png, bytes);
        Assert.Equal(("image/png", "a.png"), (type, name));
        Assert.Null(store.Open("wechat/missing"));
    }
}
