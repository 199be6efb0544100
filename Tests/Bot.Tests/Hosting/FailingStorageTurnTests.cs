using Cppcc.Bot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Bot.Tests.Hosting;

/// <summary>A turn while the conversation state cannot be read or written (a full disk): the user still hears back.</summary>
public sealed class FailingStorageTurnTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private FailingStorage<IStorage>? _storage;

    [Fact]
    public async Task A_message_while_storage_fails_gets_the_apology_and_the_next_one_works_again()
    {
        using var factory = new BotFactory(_db, services: s =>
        {
            var real = s.Last(d => d.ServiceType == typeof(IStorage));
            s.Remove(real);
            s.AddSingleton(sp =>
            {
                var (store, failing) = FailingStorage<IStorage>.Wrap((IStorage)real.ImplementationFactory!(sp));
                _storage = failing;
                return store;
            });
        });
        var client = factory.CreateClient();
        Assert.Contains("主菜单", (await BotFactory.SendAsync(client, BotFactory.TeamsMessage("菜单"))).ToString());

        _storage!.Failing = true;
        var during = await BotFactory.SendAsync(client, BotFactory.TeamsMessage("菜单"));

        Assert.Contains("抱歉，处理您的消息时出错了", during.ToString());
        _storage.Failing = false;
        Assert.Contains("主菜单", (await BotFactory.SendAsync(client, BotFactory.TeamsMessage("菜单"))).ToString());
    }

    public void Dispose() => _db.Dispose();
}
