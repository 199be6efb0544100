using Cppcc.Bot.Delivery;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Benchmarks.Delivery;

public static class Recipients
{
    public const string JobId = "bench-broadcast";

    public static string Conversation(int i) => "a:conv-" + i;

    /// <summary>One in a hundred users blocked the bot (403), one in two hundred conversations is gone (404).</summary>
    public static bool Blocked(string conversationId) => Number(conversationId) % 100 == 7;

    public static bool NotFound(string conversationId) => Number(conversationId) % 200 == 13;

    public static IEnumerable<DeliveryRequest> Make(int count, string serviceUrl) =>
        Enumerable.Range(0, count).Select(i => new DeliveryRequest("29:user-" + i, new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = serviceUrl,
            Bot = new ChannelAccount("28:bot", "区政协助手"),
            User = new ChannelAccount("29:user-" + i, aadObjectId: Guid.NewGuid().ToString()),
            Conversation = new ConversationAccount(id: Conversation(i), conversationType: "personal", tenantId: "tenant-1"),
        }, MessageFactory.Text($"通知 #{i}: 本月集中学习改在周五下午三点。")));

    private static int Number(string conversationId) => int.Parse(conversationId["a:conv-".Length..]);
}
