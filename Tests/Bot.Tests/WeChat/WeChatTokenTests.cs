using Cppcc.Bot.Tests.Support;
using Cppcc.Bot.WeChat;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Bot.Tests.WeChat;

/// <summary>
/// The access token across callers and restarts. Runs alone: it starts two hosts one after the other, and amid the
/// whole suite on 2 cores (many hosts starting synchronously at once) a call to the stub waited out the client's
/// 10-second timeout twice.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class WeChatTokenTests
{
    [Fact]
    public async Task Concurrent_callers_share_one_token_fetch_and_a_restart_reuses_the_stored_token()
    {
        await using var api = await WeChatApiStub.StartAsync();
        using var database = new TempDatabase();
        await using (var first = await WeChatHost.StartAsync(api: api, database: database))
        {
            var tokens = first.Services.GetRequiredService<WeChatAccessTokens>();
            var all = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => tokens.GetAsync(CancellationToken.None))));
            Assert.Single(all.Distinct());
        }

        await using var second = await WeChatHost.StartAsync(api: api, database: database);
        await second.Services.GetRequiredService<WeChatMenu>().PublishAsync(CancellationToken.None);

        Assert.Equal(1, api.TokensIssued);
        Assert.Single(api.Menus);
    }
}
