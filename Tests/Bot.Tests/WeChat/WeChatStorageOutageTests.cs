using Cppcc.Bot.Tests.Support;
using Cppcc.Bot.WeChat;

namespace Cppcc.Bot.Tests.WeChat;

/// <summary>A WeChat user writing while storage does not answer hears the apology, as on the other channels, not silence.</summary>
public sealed class WeChatStorageOutageTests
{
    [Fact]
    public async Task A_message_while_storage_fails_gets_the_apology_and_the_next_one_works()
    {
        Func<FailingStorage<IWeChatUserStore>> users = null!;
        await using var host = await WeChatHost.StartAsync(services: s => users = FailingStorage<IWeChatUserStore>.Replace(s));
        Assert.Contains("提出建议", await host.SayAsync("oUser1", "菜单"));

        users().Failing = true;
        var during = await host.SayAsync("oUser1", "菜单");

        Assert.Contains("抱歉，处理您的消息时出错了", during);
        users().Failing = false;
        Assert.Contains("提出建议", await host.SayAsync("oUser1", "菜单"));
    }
}
