using Cppcc.Dialogs.Broadcasts;
using Cppcc.Dialogs.Root;
using Cppcc.Dialogs.Tests.Support;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Tests.Broadcasts;

public class BroadcastSendActionTests
{
    private sealed class RecordingBroadcasts : IBroadcasts
    {
        public List<BroadcastRequest> Started { get; } = [];

        public IReadOnlyList<string> Audiences() => ["all", "民盟"];

        public Task<BroadcastStarted> StartAsync(BroadcastRequest request, Caller sender, ConversationReference staffConversation,
            CancellationToken cancellationToken)
        {
            Started.Add(request);
            return Task.FromResult(new BroadcastStarted("TZ-2026-0007", 5, 0));
        }

        public Task ShowProgressAsync(string broadcastId, CancellationToken cancellationToken) => Task.CompletedTask;

        public BroadcastReport? Report(string id) => null;
    }

    private static Activity Submit(string json) => new(ActivityTypes.Message) { Value = JObject.Parse(json) };

    [Fact]
    public async Task A_card_without_an_audience_goes_to_every_member_with_its_fields_trimmed()
    {
        var broadcasts = new RecordingBroadcasts();
        var host = new DialogTestHost(configure: s => s.AddSingleton<IBroadcasts>(broadcasts).AddBroadcastConversations(), role: Role.Staff);

        await host.Flow()
            .Send(Submit("""{"action":"broadcast.send","text":"  周五下午集中学习  ","link":" https://example.org/a ","linkTitle":" 议程 "}"""))
            .AssertReply(a => Assert.Contains("通知 TZ-2026-0007 已开始发送，共 5 位接收人", a.AsMessageActivity().Text))
            .StartTestAsync();

        var request = Assert.Single(broadcasts.Started);
        Assert.Equal(new BroadcastRequest("周五下午集中学习", "all", "https://example.org/a", "议程"), request);
    }

    [Theory]
    [InlineData("""{"action":"broadcast.send","text":"通知","audience":"文史委"}""", "没有名为“文史委”的分组（audience）")]
    [InlineData("""{"action":"broadcast.send","text":"   ","audience":"all"}""", "通知内容（text）不能为空")]
    [InlineData("""{"action":"broadcast.send","text":{"x":1}}""", "通知内容（text）不能为空")]
    [InlineData("""{"action":"broadcast.send","text":"通知","link":"ftp://example.org"}""", "链接（link）必须以 http:// 或 https:// 开头")]
    // An audience that is there but no text is never read as missing, which would mean every member.
    [InlineData("""{"action":"broadcast.send","text":"通知","audience":["民盟"]}""", "字段 audience 的内容无法识别")]
    [InlineData("""{"action":"broadcast.send","text":"通知","audience":{"name":"民盟"}}""", "字段 audience 的内容无法识别")]
    public async Task A_bad_field_is_named_and_nothing_is_sent(string json, string expected)
    {
        var broadcasts = new RecordingBroadcasts();
        var host = new DialogTestHost(configure: s => s.AddSingleton<IBroadcasts>(broadcasts).AddBroadcastConversations(), role: Role.Staff);

        await host.Flow()
            .Send(Submit(json)).AssertReply(a => Assert.Contains(expected, a.AsMessageActivity().Text))
            .StartTestAsync();

        Assert.Empty(broadcasts.Started);
    }
}
