using Cppcc.Bot.Conversations;
using Cppcc.Bot.Tests.Support;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;

namespace Cppcc.Bot.Tests.WeChat;

/// <summary>Idle web chat visitors are forgotten (their page is gone); WeChat users stay reachable for their notices.</summary>
public sealed class WeChatReferenceTests
{
    [Fact]
    public async Task An_idle_wechat_user_is_kept_when_idle_web_chat_visitors_are_forgotten()
    {
        using var file = new TempDatabase();
        using var db = file.Open();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var store = new ConversationReferenceStore(db, time);
        await store.RememberAsync(new Caller("webchat:dl_1", "", Role.Public), Reference("webchat", "dl-conv"), CancellationToken.None);
        await store.RememberAsync(new Caller("wechat:oUser1", "", Role.Public), Reference("wechat", "oUser1"), CancellationToken.None);
        time.Advance(TimeSpan.FromDays(3));

        var forgotten = store.ForgetPublicCallersIdleSince(time.GetUtcNow() - TimeSpan.FromHours(1));

        Assert.Equal(1, forgotten);
        Assert.Null(store.Find("webchat:dl_1"));
        Assert.Equal("oUser1", store.Find("wechat:oUser1")?.Conversation.Id);
    }

    private static ConversationReference Reference(string channel, string conversationId) => new()
    {
        ChannelId = channel,
        ServiceUrl = "https://wechat.invalid/",
        Conversation = new ConversationAccount(id: conversationId, conversationType: "personal"),
        User = new ChannelAccount(conversationId),
        Bot = new ChannelAccount("gh_cppcc"),
    };
}
