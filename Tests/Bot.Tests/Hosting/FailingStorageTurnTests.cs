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

    public void Dispose() => _db.Dispose();
}
