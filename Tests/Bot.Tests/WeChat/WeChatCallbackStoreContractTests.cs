using Cppcc.Bot.Storage;
using Cppcc.Bot.Tests.Support;
using Cppcc.Bot.WeChat;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Tests.WeChat;

/// <summary>
/// The record of WeChat callbacks taken (<see cref="WeChatMessageLedger"/> on <see cref="IWeChatCallbackStore"/>) behaves
/// the same on LiteDB and PostgreSQL: one claim per message and nonce across instances, kept for a bounded time, then
/// deleted.
/// </summary>
public sealed class WeChatCallbackStoreContractTests
{
    private static readonly IOptions<WeChatOptions> Settings = Options.Create(new WeChatOptions { TimestampTolerance = TimeSpan.FromMinutes(5) });

    private static Task<StoreContext> OpenAsync(StorageProvider provider) => StoreContext.CreateAsync(provider, PostgresWeChatCallbackStore.Schema);

    private static IReadOnlyList<WeChatMessageLedger> Ledgers(StoreContext context, int count) =>
        context.Instances<IWeChatCallbackStore, WeChatCallbackStore, PostgresWeChatCallbackStore>(count)
            .Select(store => new WeChatMessageLedger(store, Settings, context.Time)).ToList();

    [StoreTheory]
    public async Task A_message_is_begun_once_whichever_instance_its_retries_reach(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var ledgers = Ledgers(context, 2);
        var (first, second) = (ledgers[0], ledgers[^1]);

        Assert.True(first.TryBegin("msg:1001"));
        Assert.False(second.TryBegin("msg:1001"));
        Assert.False(first.TryBegin("msg:1001"));
        Assert.True(second.TryBegin("msg:1002"));
    }

    [StoreTheory]
    public async Task Many_deliveries_of_one_message_at_once_on_two_instances_begin_it_once(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var ledgers = Ledgers(context, 2);

        var begun = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => ledgers[i % ledgers.Count].TryBegin("msg:2001"))));

        Assert.Single(begun, b => b);
    }

    [StoreTheory]
    public async Task A_nonce_carries_one_message_and_the_same_message_again_is_a_retry(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var ledgers = Ledgers(context, 2);

        Assert.True(ledgers[0].TryUseNonce("1767225600", "n-1", "msg:3001"));
        Assert.True(ledgers[^1].TryUseNonce("1767225600", "n-1", "msg:3001"));
        Assert.False(ledgers[^1].TryUseNonce("1767225600", "n-1", "msg:3002"));
        Assert.True(ledgers[^1].TryUseNonce("1767225600", "n-2", "msg:3002"));
        // A message key and a nonce never meet, even where their texts could.
        Assert.True(ledgers[0].TryBegin("msg:3001"));
    }

    [StoreTheory]
    public async Task Claims_are_kept_twice_the_timestamp_tolerance_and_then_deleted(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var ledger = Ledgers(context, 1)[0];
        Assert.True(ledger.TryBegin("msg:4001"));
        Assert.True(ledger.TryUseNonce("1767225600", "n-1", "msg:4001"));

        context.Time.Advance(TimeSpan.FromMinutes(9));
        Assert.False(ledger.TryBegin("msg:4001"));
        Assert.Equal(2, Rows(context));

        context.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(ledger.TryBegin("msg:4002"));

        // Past 2 × 5 minutes the old claims are gone (swept by the next callback), and only the new one is kept.
        Assert.Equal(1, Rows(context));
        Assert.True(ledger.TryUseNonce("1767225600", "n-1", "msg:other"));
    }

    private static long Rows(StoreContext context)
    {
        if (context.Provider != StorageProvider.PostgreSql)
        {
            return context.LiteDb.GetCollection("wechat_callbacks").LongCount();
        }

        using var command = context.Postgres.CreateCommand("SELECT count(*) FROM wechat_callbacks");
        return (long)command.ExecuteScalar()!;
    }
}
