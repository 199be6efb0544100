using Cppcc.Bot.Storage;
using Cppcc.Bot.Tests.Support;
using Cppcc.Bot.WeChat;

namespace Cppcc.Bot.Tests.WeChat;

/// <summary>The WeChat access token kept on LiteDB and PostgreSQL.</summary>
public class WeChatTokenStoreTests
{
    [StoreTheory]
    public async Task The_token_and_its_expiry_survive_a_restart_and_a_new_one_replaces_it(StorageProvider provider)
    {
        await using var context = await StoreContext.CreateAsync(provider, PostgresWeChatTokenStore.Schema);
        var expires = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8));
        var store = context.Store<IWeChatTokenStore, WeChatTokenStore, PostgresWeChatTokenStore>();
        store.Save("wx-app", "token-1", expires);
        store.Save("wx-app", "token-2", expires.AddHours(2));

        await context.ReopenAsync();
        var after = context.Store<IWeChatTokenStore, WeChatTokenStore, PostgresWeChatTokenStore>();

        var (token, at) = after.Find("wx-app")!.Value;
        Assert.Equal("token-2", token);
        Assert.Equal(expires.AddHours(2), at);
        Assert.Null(after.Find("other-app"));
    }
}
