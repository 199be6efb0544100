using Cppcc.Bot.Delivery;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Bot.Tests.Storage.Contracts;

/// <summary>Teams' per-conversation limits as every <see cref="IConversationPacer"/> keeps them, across two instances on PostgreSQL.</summary>
public sealed class ConversationPacerContractTests
{
    // A 30-second window of 3, so a slow machine cannot let an entry age out mid-test.
    private static readonly DeliveryOptions Options = new() { PerConversationPerSecond = 7, PerConversationPer30Seconds = 3 };

    // The real clock, as the PostgreSQL pacer's log runs on the database's clock.
    private static Task<StoreContext> OpenAsync(StorageProvider provider)
        => StoreContext.CreateAsync(provider, services => services.AddSingleton(Options).AddSingleton(TimeProvider.System),
            new PostgresSchema("delivery-003", PostgresConversationPacer.Schema));

    private static (IConversationPacer First, IConversationPacer Second) Pacers(StoreContext context)
        => context.TwoInstances<IConversationPacer, ConversationPacer, PostgresConversationPacer>();

    [StoreTheory]
    public async Task The_sends_of_both_instances_count_towards_one_conversations_window(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var (first, second) = Pacers(context);

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
        await using var context = await OpenAsync(StorageProvider.PostgreSql);
        var (first, second) = Pacers(context);

        var allowed = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).DelayBeforeNext("a:race" + (i / 4)))));

        // Two conversations, four instances' checks each at once: three places per window, so one of each four waits.
        Assert.Equal(6, allowed.Count(w => w == TimeSpan.Zero));
    }
}
