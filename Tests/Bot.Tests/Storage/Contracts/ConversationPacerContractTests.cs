using Cppcc.Bot.Delivery;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.Storage.Contracts;

/// <summary>Teams' per-conversation limits as every <see cref="IConversationPacer"/> keeps them, across two instances on PostgreSQL.</summary>
public sealed class ConversationPacerContractTests
{
    // A 30-second window of 3, so a slow machine cannot let an entry age out mid-test.
    private static readonly DeliveryOptions Options = new() { PerConversationPerSecond = 7, PerConversationPer30Seconds = 3 };

    [Theory]
    [InlineData(StorageProvider.LiteDb)]
    [PostgresData]
    public async Task The_sends_of_both_instances_count_towards_one_conversations_window(StorageProvider provider)
    {
        await using var engine = await StoreEngine.StartAsync(provider, new PostgresSchema("delivery-003", PostgresConversationPacer.Schema));
        var (first, second) = engine.Instances<IConversationPacer>(_ => new ConversationPacer(Options, TimeProvider.System),
            source => new PostgresConversationPacer(source, Options));

        foreach (var pacer in new[] { first, second, first })
        {
            Assert.Equal(TimeSpan.Zero, pacer.DelayBeforeNext("a:busy"));
            pacer.Record("a:busy");
        }

        var wait = second.DelayBeforeNext("a:busy");
        Assert.InRange(wait, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.Zero, second.DelayBeforeNext("a:other"));
    }

    [PostgresFact]
    public async Task A_send_allowed_but_not_yet_answered_already_counts_for_the_other_instance()
    {
        await using var engine = await StoreEngine.StartAsync(StorageProvider.PostgreSql, new PostgresSchema("delivery-003", PostgresConversationPacer.Schema));
        var (first, second) = engine.Instances<IConversationPacer>(_ => throw new InvalidOperationException(),
            source => new PostgresConversationPacer(source, Options));

        var allowed = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).DelayBeforeNext("a:race" + (i / 4)))));

        // Two conversations, four instances' checks each at once: three places per window, so one of each four waits.
        Assert.Equal(6, allowed.Count(w => w == TimeSpan.Zero));
    }
}
