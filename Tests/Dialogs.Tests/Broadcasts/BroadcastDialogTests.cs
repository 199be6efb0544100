using Cppcc.Dialogs.Broadcasts;
using Cppcc.Dialogs.Root;
using Cppcc.Dialogs.Tests.Support;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Dialogs.Tests.Broadcasts;

public class BroadcastDialogTests
{
    private sealed class FakeBroadcasts : IBroadcasts
    {
        public List<BroadcastRequest> Started { get; } = new();

        public IReadOnlyList<string> Audiences() => new[] { "all", "民盟" };

        public Task<BroadcastStarted> StartAsync(BroadcastRequest request, Caller sender, ConversationReference staffConversation, CancellationToken cancellationToken)
        {
            Started.Add(request);
            return Task.FromResult(new BroadcastStarted("TZ-2026-0001", 3, 1));
        }

        public BroadcastReport? Report(string id) => null;

        public Task ShowProgressAsync(string broadcastId, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [Fact]
    public async Task Staff_write_a_notice_pick_a_group_skip_the_link_and_get_the_id_at_once()
    {
        var broadcasts = new FakeBroadcasts();
        var host = new DialogTestHost(configure: s => s.AddSingleton<IBroadcasts>(broadcasts).AddBroadcastConversations(), role: Role.Staff);

        await host.Flow()
            .Send("通知").AssertReply(a => Assert.Contains("请输入通知内容", a.AsMessageActivity().Text))
            .Send("周五下午界别活动").AssertReply(a => Assert.Contains("发给谁", a.AsMessageActivity().Text))
            .Send("民盟").AssertReply(a => Assert.Contains("需要附带链接吗", a.AsMessageActivity().Text))
            .Send("ftp://example.org").AssertReply(a => Assert.Contains("http:// 或 https://", a.AsMessageActivity().Text))
            .Send("无").AssertReply(a =>
            {
                Assert.Contains("确认发送以下通知给“民盟”吗", a.AsMessageActivity().Text);
                // The buttons say what they do; the first one is pressed below.
                Assert.Equal(new[] { "发送", "暂不发送" }, a.AsMessageActivity().SuggestedActions.Actions.Select(x => x.Title));
            })
            .Send("发送").AssertReply(a =>
            {
                Assert.Contains("通知 TZ-2026-0001 已开始发送，共 3 位接收人", a.AsMessageActivity().Text);
                Assert.Contains("另有 1 位成员尚未与助手建立对话", a.AsMessageActivity().Text);
            })
            .StartTestAsync();

        var request = Assert.Single(broadcasts.Started);
        Assert.Equal(("周五下午界别活动", "民盟", (string?)null), (request.Text, request.Audience, request.Link));
    }

    [Fact]
    public async Task A_member_is_refused_and_nothing_is_sent()
    {
        var broadcasts = new FakeBroadcasts();
        var host = new DialogTestHost(configure: s => s.AddSingleton<IBroadcasts>(broadcasts).AddBroadcastConversations(), role: Role.Member);

        await host.Flow()
            .Send("通知").AssertReply(a => Assert.Contains("没有使用此功能的权限", a.AsMessageActivity().Text))
            .StartTestAsync();

        Assert.Empty(broadcasts.Started);
    }
}
