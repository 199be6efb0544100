using Cppcc.Bot.Tests.Support;
using Microsoft.Bot.Builder;

namespace Cppcc.Bot.Tests.Hosting;

/// <summary>A turn while the conversation state cannot be read or written (a full disk): the user still hears back.</summary>
public sealed class FailingStorageTurnTests : IDisposable
{
    private readonly TempDatabase _db = new();

    [Fact]
    public async Task A_message_while_storage_fails_gets_the_apology_and_the_next_one_works_again()
    {
        Func<FailingStorage<IStorage>> storage = null!;
        using var factory = new BotFactory(_db, services: s => storage = FailingStorage<IStorage>.Replace(s));
        var client = factory.CreateClient();
        Assert.Contains("主菜单", (await BotFactory.SendAsync(client, BotFactory.TeamsMessage("菜单"))).ToString());

        storage().Failing = true;
        var during = await BotFactory.SendAsync(client, BotFactory.TeamsMessage("菜单"));

        Assert.Contains("抱歉，处理您的消息时出错了", during.ToString());
        storage().Failing = false;
        Assert.Contains("主菜单", (await BotFactory.SendAsync(client, BotFactory.TeamsMessage("菜单"))).ToString());
    }

    [Fact]
    public async Task The_apology_does_not_claim_a_reset_that_storage_refused()
    {
        Func<FailingStorage<IStorage>> storage = null!;
        using var factory = new BotFactory(_db, services: s => storage = FailingStorage<IStorage>.Replace(s));
        var client = factory.CreateClient();
        await BotFactory.SendAsync(client, BotFactory.TeamsMessage("菜单"));

        storage().Failing = true;
        var during = BotFactory.ReadableText(Assert.Single(await BotFactory.SendAsync(client, BotFactory.TeamsMessage("菜单"))));

        // The turn could not read its state and the reset could not delete it: nothing says the step was reset.
        Assert.Contains("出错了", during);
        Assert.DoesNotContain("重置", during);
        Assert.DoesNotContain("没有保存", during);
        Assert.Contains("取消", during);
    }

    public void Dispose() => _db.Dispose();
}
