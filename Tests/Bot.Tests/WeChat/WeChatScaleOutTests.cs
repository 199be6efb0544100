using System.Net;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.WeChat;

/// <summary>
/// WeChat's retry of a message, and a replayed callback, are refused by whichever instance they reach: two bots on one
/// PostgreSQL database (behind a load balancer) share the record of the callbacks they took, and on LiteDB the record
/// is in the file, so it outlives a restart.
/// </summary>
public sealed class WeChatScaleOutTests
{
    private const string User = "oScaleOutUser01";

    [PostgresFact]
    public async Task A_retry_that_reaches_the_other_instance_is_not_answered_again()
    {
        await using var api = await WeChatApiStub.StartAsync();
        var settings = await OnePostgresDatabaseAsync();
        await using var first = await WeChatHost.StartAsync(settings: settings, api: api);
        await using var second = await WeChatHost.StartAsync(settings: settings, api: api);
        var wechat = first.Callbacks;
        await SendAsync(first, wechat, WeChatCallbacks.TextXml(User, "建议", wechat.NextMsgId()));
        var category = WeChatCallbacks.TextXml(User, "2", wechat.NextMsgId());

        // WeChat sends the same message again (its own new timestamp and nonce) when the answer was slow or lost.
        var answered = await SendAsync(first, wechat, category);
        var retried = await SendAsync(second, wechat, category);
        var next = await SendAsync(second, wechat, WeChatCallbacks.TextXml(User, "路灯坏了", wechat.NextMsgId()));

        Assert.Contains("标题", answered);
        Assert.Null(retried);
        // Had the retry run on the second instance, "2" would have become the title and this would ask for more.
        Assert.Contains("请写下您的建议", next);
        await first.Bot.Factory.DeliveryIdleAsync();
        await second.Bot.Factory.DeliveryIdleAsync();
        Assert.Empty(api.CustomerService);
    }

    [PostgresFact]
    public async Task A_nonce_taken_on_one_instance_cannot_carry_another_message_on_the_other()
    {
        await using var api = await WeChatApiStub.StartAsync();
        var settings = await OnePostgresDatabaseAsync();
        await using var first = await WeChatHost.StartAsync(settings: settings, api: api);
        await using var second = await WeChatHost.StartAsync(settings: settings, api: api);
        var ts = WeChatCallbacks.Now();
        var message = WeChatCallbacks.TextXml(User, "你好", first.Callbacks.NextMsgId());

        using var taken = await first.Http.SendAsync(first.Callbacks.Post(message, User, ts, "n-shared"));
        using var replayed = await second.Http.SendAsync(first.Callbacks.Post(WeChatCallbacks.TextXml(User, "建议", first.Callbacks.NextMsgId()), User, ts, "n-shared"));
        using var retried = await second.Http.SendAsync(first.Callbacks.Post(message, User, ts, "n-shared"));

        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("success", await retried.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task On_LiteDB_a_retry_after_a_restart_is_not_answered_again()
    {
        using var database = new TempDatabase();
        await using var api = await WeChatApiStub.StartAsync();
        var message = WeChatCallbacks.TextXml(User, "菜单", 24_100_000_001);
        string? answered;
        await using (var before = await WeChatHost.StartAsync(api: api, database: database))
        {
            answered = await before.SendAsync(message, User);
        }

        await using var after = await WeChatHost.StartAsync(api: api, database: database);
        var retried = await after.SendAsync(message, User);

        Assert.Contains("提出建议", answered);
        Assert.Null(retried);
    }

    /// <summary>
    /// A callback from WeChat's servers, which sign every request for the account (their nonces never repeat), to the
    /// instance the load balancer picked; the passive reply, null for "success".
    /// </summary>
    private static async Task<string?> SendAsync(WeChatHost to, WeChatCallbacks wechat, string xml)
    {
        using var response = await to.Http.SendAsync(wechat.Post(xml, User));
        return await wechat.ReplyTextAsync(response);
    }

    private static async Task<Dictionary<string, string?>> OnePostgresDatabaseAsync() => new()
    {
        ["Storage:Provider"] = "PostgreSql",
        ["ConnectionStrings:PostgreSql"] = await TestPostgres.CreateDatabaseAsync(),
    };
}
