using Cppcc.Bot.Knowledge;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Tests.Support;
using Cppcc.Dialogs.Root;

namespace Cppcc.Bot.Tests.Knowledge;

/// <summary>
/// The knowledge base's stores (curated entries, feedback, unanswered questions, tickets, waiting notices, embedding
/// cache) behave the same on LiteDB and PostgreSQL.
/// </summary>
public class KnowledgeStoreContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static Task<StoreContext> OpenAsync(StorageProvider provider) => StoreContext.CreateAsync(provider,
        PostgresKnowledgeEntryStore.Schema, PostgresKnowledgeFeedbackStore.Schema, PostgresUnansweredQuestionStore.Schema,
        PostgresKnowledgeTicketStore.Schema, PostgresWaitingNoticeStore.Schema, PostgresEmbeddingCacheStore.Schema);

    [StoreTheory]
    public async Task Curated_entries_replace_add_and_retire_file_entries_across_a_restart(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var store = context.Store<IKnowledgeEntryStore, KnowledgeEntryStore, PostgresKnowledgeEntryStore>();
        store.Save(Entry("b", "新的答案") with { Tags = ["标签"], Related = ["a"], Effective = new DateOnly(2026, 1, 1), Audience = KnowledgeAudience.Staff }, "msteams:staff", Now);
        store.Save(Entry("z", "新增条目"), "msteams:staff", Now);
        store.Retire(Entry("c", "下架"), "msteams:staff", Now);

        await context.ReopenAsync();
        var after = context.Store<IKnowledgeEntryStore, KnowledgeEntryStore, PostgresKnowledgeEntryStore>();
        var overlaid = after.Overlay([Entry("a", "甲"), Entry("b", "乙"), Entry("c", "丙")]);

        Assert.Equal(["a", "b", "z"], overlaid.Select(e => e.Id));
        var replaced = overlaid[1];
        Assert.Equal("新的答案", replaced.Answer);
        Assert.Equal(["问题b", "又问b"], replaced.Questions);
        Assert.Equal(["标签"], replaced.Tags);
        Assert.Equal(["a"], replaced.Related);
        Assert.Equal(new DateOnly(2026, 1, 1), replaced.Effective);
        Assert.Null(replaced.Expires);
        Assert.Equal(KnowledgeAudience.Staff, replaced.Audience);
        Assert.Equal("(Teams)", replaced.File);
    }

    [StoreTheory]
    public async Task A_users_second_vote_replaces_the_first_and_counts_come_most_voted_first(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var store = context.Store<IKnowledgeFeedbackStore, KnowledgeFeedbackStore, PostgresKnowledgeFeedbackStore>();
        store.Record("e1", helpful: true, "u1", Now);
        store.Record("e1", helpful: false, "u1", Now);
        store.Record("e2", helpful: true, "u1", Now);
        store.Record("e2", helpful: true, "u2", Now);
        store.Record("e3", helpful: false, "u3", Now);

        Assert.Equal(
            [new("e2", 2, 0), new("e1", 0, 1), new("e3", 0, 1)],
            store.Counts().ToArray<Cppcc.Dialogs.Knowledge.EntryFeedback>());
    }

    [StoreTheory]
    public async Task Unanswered_questions_are_counted_once_per_wording_and_listed_most_asked_first(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var store = context.Store<IUnansweredQuestionStore, UnansweredQuestionStore, PostgresUnansweredQuestionStore>();
        store.Record("停车场在哪里？", Now);
        store.Record("停车场 在哪里", Now.AddMinutes(1));
        store.Record("停车场在哪里!", Now.AddMinutes(2), handedOff: true, countAsking: false);
        store.Record("食堂几点开门", Now);
        store.Record("？？？", Now);

        var top = store.Top(10);

        Assert.Equal(2, top.Count);
        Assert.Equal("停车场在哪里？", top[0].Question);
        Assert.Equal(2, top[0].Count);
        Assert.True(top[0].HandedOff);
        Assert.Equal(Now.AddMinutes(2), top[0].LastAsked);
        Assert.Equal(("食堂几点开门", 1, false), (top[1].Question, top[1].Count, top[1].HandedOff));
        Assert.Single(store.Top(1));
    }

    [StoreTheory]
    public async Task Tickets_are_numbered_deduplicated_while_open_marked_and_answered(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var store = context.Store<IKnowledgeTicketStore, KnowledgeTicketStore, PostgresKnowledgeTicketStore>();
        var asker = new Caller("webchat:v1", "访客", Role.Public);

        var (first, created) = store.Open("停车场在哪里？", asker, Now);
        var (again, createdAgain) = store.Open("停车场在哪里", asker, Now);
        var (other, _) = store.Open("食堂几点开门", asker, Now);
        var (someoneElse, _) = store.Open("停车场在哪里？", new Caller("webchat:v2", "", Role.Public), Now);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal("KB-1", first.DisplayId);
        Assert.Equal([1, 2, 3], new[] { first.Id, other.Id, someoneElse.Id });
        Assert.Equal((3, 3), store.Unreached());

        store.MarkStaffReached(someoneElse);
        store.Answer(first, "在东门。", "msteams:staff", Now.AddHours(1));

        Assert.Equal((1, 2), store.Unreached());
        Assert.Equal([2, 3], store.OpenTickets(10).Select(t => t.Id));
        Assert.Equal([2], store.OpenTickets(1).Select(t => t.Id));
        var answered = store.Find("kb-1")!;
        Assert.Equal(("在东门。", "msteams:staff", "访客", "Public"), (answered.Answer, answered.AnsweredBy, answered.AskerName, answered.AskerRole));
        Assert.Equal(Now.AddHours(1).UtcDateTime, answered.AnsweredAt!.Value.ToUniversalTime());
        Assert.Null(store.Find("KB-99"));
        Assert.Null(store.Find("KB-x"));

        // Once answered, the same question opens a new ticket.
        var (reopened, createdAfterAnswer) = store.Open("停车场在哪里？", asker, Now.AddHours(2));
        Assert.True(createdAfterAnswer);
        Assert.Equal(4, reopened.Id);
    }

    [StoreTheory]
    public async Task Staff_are_told_about_waiting_tickets_once_per_newer_ticket(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var store = context.Store<IWaitingNoticeStore, WaitingNoticeStore, PostgresWaitingNoticeStore>();

        Assert.True(store.TryTell("staff-1", 3));
        Assert.False(store.TryTell("staff-1", 3));
        Assert.False(store.TryTell("staff-1", 2));
        Assert.True(store.TryTell("staff-2", 3));
        Assert.True(store.TryTell("staff-1", 4));
    }

    [StoreTheory]
    public async Task Embedding_vectors_round_trip_exactly_and_a_key_is_replaced(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var store = context.Store<IEmbeddingCacheStore, EmbeddingCacheStore, PostgresEmbeddingCacheStore>();
        var key = EmbeddingCacheStore.Key("text-embedding-3-small", "政协委员如何提交提案");
        float[] vector = [0.25f, -1.5f, float.Epsilon, 3.1415927f];

        store.Save([(key, [9f]), ("other", [1f, 2f])]);
        store.Save([(key, vector)]);

        Assert.Equal(vector, store.Find(key)!);
        Assert.Equal([1f, 2f], store.Find("other")!);
        Assert.Null(store.Find(EmbeddingCacheStore.Key("text-embedding-3-large", "政协委员如何提交提案")));
    }

    private static KnowledgeEntry Entry(string id, string answer) => new() { Id = id, Questions = ["问题" + id, "又问" + id], Answer = answer, File = "faq.yaml" };
}
