using Cppcc.Bot.Conversations;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Tests.Support;
using Cppcc.Dialogs.Root;
using LiteDB;
using Microsoft.Bot.Schema;

namespace Cppcc.Bot.Tests.Conversations;

/// <summary>The reference store's contract on LiteDB and PostgreSQL, and the LiteDB file's own history.</summary>
public class ConversationReferenceStoreTests : IDisposable
{
    private readonly TempDatabase _file = new();

    private static async Task<(StoreContext Context, IConversationReferenceStore Store)> OpenAsync(StorageProvider provider)
    {
        var context = await StoreContext.CreateAsync(provider, PostgresConversationReferenceStore.Schema);
        return (context, context.Store<IConversationReferenceStore, ConversationReferenceStore, PostgresConversationReferenceStore>());
    }

    [StoreTheory]
    public async Task Unreachable_public_visitors_are_forgotten_but_members_and_wechat_users_are_kept(StorageProvider provider)
    {
        var (context, store) = await OpenAsync(provider);
        await using var _ = context;
        var time = context.Time;
        await store.RememberAsync(new Caller("wechat:o-old", "", Role.Public), WeChatReference("o-old"), CancellationToken.None);
        await store.RememberAsync(new Caller("webchat:dl_old", "", Role.Public), Reference("wc-old"), CancellationToken.None);
        await store.RememberAsync(new Caller("msteams:aad-1", "", Role.Member), Reference("a:member"), CancellationToken.None);
        time.Advance(TimeSpan.FromHours(2));
        await store.RememberAsync(new Caller("webchat:dl_new", "", Role.Public), Reference("wc-new"), CancellationToken.None);

        var forgotten = store.ForgetPublicCallersIdleSince(time.GetUtcNow() - TimeSpan.FromHours(1));

        Assert.Equal(1, forgotten);
        Assert.Null(store.Find("webchat:dl_old"));
        Assert.Equal("wc-new", store.Find("webchat:dl_new")?.Conversation.Id);
        Assert.Equal("a:member", store.Find("msteams:aad-1")?.Conversation.Id);
        Assert.Equal("o-old", store.Find("wechat:o-old")?.Conversation.Id);
        Assert.Equal(Role.Public, store.RoleOf("webchat:dl_new"));
        Assert.Null(store.RoleOf("webchat:dl_old"));
    }

    [StoreTheory]
    public async Task A_group_message_never_replaces_the_personal_reference(StorageProvider provider)
    {
        var (context, store) = await OpenAsync(provider);
        await using var _ = context;
        var member = new Caller("msteams:aad-1", "", Role.Member);
        await store.RememberAsync(member, Reference("a:personal", "personal"), CancellationToken.None);

        await store.RememberAsync(member, Reference("19:group", "groupChat"), CancellationToken.None);
        await store.RememberAsync(member, Reference("19:channel;messageid=1", "channel"), CancellationToken.None);

        Assert.Equal("a:personal", store.Find("msteams:aad-1")?.Conversation.Id);
        Assert.Equal("19:channel;messageid=1", store.FindShared("msteams:aad-1")?.Conversation.Id);
        Assert.Equal(["msteams:aad-1"], store.UserKeys(Role.Member));
    }

    [StoreTheory]
    public async Task A_user_seen_only_in_a_group_is_known_but_has_no_personal_reference(StorageProvider provider)
    {
        var (context, store) = await OpenAsync(provider);
        await using var _ = context;

        await store.RememberAsync(new Caller("msteams:aad-2", "", Role.Staff), Reference("19:group", "groupChat"), CancellationToken.None);

        Assert.Null(store.Find("msteams:aad-2"));
        Assert.Equal(["msteams:aad-2"], store.UserKeys(Role.Staff));
        Assert.Equal(Role.Staff, store.RoleOf("msteams:aad-2"));
    }

    [StoreTheory]
    public async Task Audiences_by_role_include_higher_roles_once_and_a_role_change_is_kept(StorageProvider provider)
    {
        var (context, store) = await OpenAsync(provider);
        await using var _ = context;
        await store.RememberAsync(new Caller("msteams:staff", "", Role.Staff), Reference("a:s", "personal"), CancellationToken.None);
        await store.RememberAsync(new Caller("msteams:staff", "", Role.Staff), Reference("19:g", "groupChat"), CancellationToken.None);
        await store.RememberAsync(new Caller("msteams:member", "", Role.Member), Reference("a:m", "personal"), CancellationToken.None);
        await store.RememberAsync(new Caller("webchat:v", "", Role.Public), Reference("dl-v"), CancellationToken.None);
        await store.RememberAsync(new Caller("msteams:promoted", "", Role.Member), Reference("a:p", "personal"), CancellationToken.None);

        await store.RememberAsync(new Caller("msteams:promoted", "", Role.Staff), Reference("a:p", "personal"), CancellationToken.None);

        Assert.Equal(["msteams:promoted", "msteams:staff"], store.UserKeys(Role.Staff).Order());
        Assert.Equal(["msteams:member", "msteams:promoted", "msteams:staff"], store.UserKeys(Role.Member).Order());
        Assert.Equal(4, store.UserKeys(Role.Public).Count);
        Assert.Equal(Role.Staff, store.RoleOf("msteams:promoted"));
        Assert.Null(store.Find("webchat:unknown"));
        Assert.Null(store.RoleOf("webchat:unknown"));
    }

    [Fact]
    public void Group_references_stored_before_the_split_move_out_of_the_personal_ones_and_personal_ones_stay()
    {
        using (var old = _file.Open())
        {
            // What the single-collection store wrote: one record per user, whatever conversation they wrote in last.
            var records = old.GetCollection("conversation_references");
            records.Insert(OldRecord("msteams:aad-group", Reference("19:group", "groupChat")));
            records.Insert(OldRecord("msteams:aad-personal", Reference("a:personal", "personal")));
            records.Insert(OldRecord("webchat:dl_1", Reference("dl-1", null)));
        }

        using var db = _file.Open();
        var store = new ConversationReferenceStore(db, TimeProvider.System);

        Assert.Null(store.Find("msteams:aad-group"));
        Assert.Equal("19:group", store.FindShared("msteams:aad-group")?.Conversation.Id);
        Assert.Equal("a:personal", store.Find("msteams:aad-personal")?.Conversation.Id);
        Assert.Equal("dl-1", store.Find("webchat:dl_1")?.Conversation.Id);
        Assert.Equal(["msteams:aad-group", "msteams:aad-personal"], store.UserKeys(Role.Member).Order());
    }

    private static BsonDocument OldRecord(string key, ConversationReference reference) => new()
    {
        ["_id"] = key,
        ["ChannelId"] = reference.ChannelId,
        ["Role"] = key.StartsWith("webchat:", StringComparison.Ordinal) ? "Public" : "Member",
        ["ReferenceJson"] = Newtonsoft.Json.JsonConvert.SerializeObject(reference),
        ["UpdatedAt"] = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    private static ConversationReference Reference(string conversationId, string? type) => new()
    {
        ChannelId = "msteams",
        ServiceUrl = "http://127.0.0.1:9/",
        Conversation = new ConversationAccount(id: conversationId, conversationType: type, tenantId: "tenant-1"),
        User = new ChannelAccount("29:u"),
        Bot = new ChannelAccount("28:b"),
    };

    private static ConversationReference WeChatReference(string openId) => new()
    {
        ChannelId = "wechat",
        ServiceUrl = "http://127.0.0.1:9/",
        Conversation = new ConversationAccount(id: openId),
        User = new ChannelAccount(openId),
        Bot = new ChannelAccount("b"),
    };

    private static ConversationReference Reference(string conversationId) => new()
    {
        ChannelId = "test",
        ServiceUrl = "http://127.0.0.1:9/",
        Conversation = new ConversationAccount(id: conversationId),
        User = new ChannelAccount("u"),
        Bot = new ChannelAccount("b"),
    };

    public void Dispose() => _file.Dispose();
}
