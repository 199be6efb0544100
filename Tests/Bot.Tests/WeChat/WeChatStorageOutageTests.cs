using Cppcc.Bot.Tests.Support;
using Cppcc.Bot.WeChat;
using Microsoft.Bot.Builder;

namespace Cppcc.Bot.Tests.WeChat;

/// <summary>
/// A WeChat user writing while storage does not answer hears the apology, as on the other channels, not silence; and
/// the apology says the step was reset only when it was.
/// </summary>
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
        // The turn never ran, so nothing was reset.
        Assert.DoesNotContain("重置", during);
        users().Failing = false;
        Assert.Contains("提出建议", await host.SayAsync("oUser1", "菜单"));
    }

    [Fact]
    public async Task A_message_while_bot_state_fails_gets_an_apology_that_does_not_claim_the_reset()
    {
        Func<FailingStorage<IStorage>> state = null!;
        await using var host = await WeChatHost.StartAsync(services: s => state = FailingStorage<IStorage>.Replace(s));
        Assert.Contains("提出建议", await host.SayAsync("oUser1", "菜单"));

        state().Failing = true;
        var during = await host.SayAsync("oUser1", "菜单");

        Assert.NotNull(during);
        Assert.Contains("抱歉，处理您的消息时出错了", during);
        Assert.DoesNotContain("重置", during);
        Assert.Contains("取消", during);
        state().Failing = false;
        Assert.Contains("提出建议", await host.SayAsync("oUser1", "菜单"));
    }

    [Fact]
    public async Task A_message_while_the_record_of_callbacks_fails_gets_the_apology_not_an_error_page()
    {
        Func<FailingStorage<IWeChatCallbackStore>> callbacks = null!;
        await using var host = await WeChatHost.StartAsync(services: s => callbacks = FailingStorage<IWeChatCallbackStore>.Replace(s));
        Assert.Contains("提出建议", await host.SayAsync("oUser1", "菜单"));

        callbacks().Failing = true;
        // SayAsync throws on anything but a 200, which WeChat would show as "该公众号暂时无法提供服务".
        var during = await host.SayAsync("oUser1", "菜单");

        Assert.Contains("抱歉，处理您的消息时出错了", during);
        Assert.DoesNotContain("重置", during);
        callbacks().Failing = false;
        Assert.Contains("提出建议", await host.SayAsync("oUser1", "菜单"));
    }

    [Fact]
    public async Task A_turn_that_fails_with_storage_working_is_reset_and_says_so()
    {
        await using var host = await WeChatHost.StartAsync(services: TestDialogs.Register);

        var failed = await host.SayAsync("oUser1", "出错测试");
        var next = await host.SayAsync("oUser1", "教育界");

        Assert.Contains("抱歉，处理您的消息时出错了，请稍后再试。当前流程已重置", failed);
        // The dialog the failed turn began is gone: the next text is not taken as its answer.
        Assert.DoesNotContain("第二问", next ?? "");
    }
}
