using Xunit.Abstractions;

namespace Cppcc.Bot.Tests.WeChat;

public sealed class WeChatSuggestionFlowTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(false)]
    public async Task Explore(bool safeMode)
    {
        await using var host = await WeChatHost.StartAsync(safeMode);
        const string user = "oUser-0001";
        foreach (var text in new[] { "<subscribe>", "建议", "2", "小区门口路灯坏了", "幸福路12号小区门口的路灯坏了一个月，晚上很黑。", "幸福路12号", "1", "2", "查询" })
        {
            var reply = text == "<subscribe>" ? await host.SendAsync(WeChatCallbacks.EventXml(user, "subscribe"), user) : await host.SayAsync(user, text);
            output.WriteLine("> " + text);
            output.WriteLine(reply ?? "(success)");
            output.WriteLine("");
        }
    }
}
