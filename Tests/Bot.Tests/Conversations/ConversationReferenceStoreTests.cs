using Cppcc.Bot.Conversations;
using Cppcc.Bot.Tests.Support;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;

namespace Cppcc.Bot.Tests.Conversations;

public class ConversationReferenceStoreTests : IDisposable
{
    private readonly TempDatabase _file = new();

    [Fact]
    public async Task Unreachable_public_visitors_are_forgotten_but_members_are_kept()
    {
        using var db = _file.Open();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        var store = new ConversationReferenceStore(db, time);
        await store.RememberAsync(new Caller("webchat:dl_old", "", Role.Public), Reference("wc-old"), CancellationToken.None);
        await store.RememberAsync(new Caller("msteams:aad-1", "", Role.Member), Reference("a:member"), CancellationToken.None);
        time.Advance(TimeSpan.FromHours(2));
        await store.RememberAsync(new Caller("webchat:dl_new", "", Role.Public), Reference("wc-new"), CancellationToken.None);

        var forgotten = store.ForgetPublicCallersIdleSince(time.GetUtcNow() - TimeSpan.FromHours(1));

        Assert.Equal(1, forgotten);
        Assert.Null(store.Find("webchat:dl_old"));
        Assert.Equal("wc-new", store.Find("webchat:dl_new")?.Conversation.Id);
        Assert.Equal("a:member", store.Find("msteams:aad-1")?.Conversation.Id);
    }

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
