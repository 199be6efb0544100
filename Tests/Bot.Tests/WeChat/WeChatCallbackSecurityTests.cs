using System.Net;
using System.Text;

namespace Cppcc.Bot.Tests.WeChat;

/// <summary>Only signed, fresh, small, well-formed callbacks reach the bot; in safe mode only encrypted ones for our app id.</summary>
public sealed class WeChatCallbackSecurityTests
{
    private const string User = "oSecurityUser01";

    [Fact]
    public async Task Url_verification_echoes_only_for_the_right_signature()
    {
        await using var host = await WeChatHost.StartAsync();
        var ts = WeChatCallbacks.Now();

        using var good = await host.Http.GetAsync($"/api/wechat?signature={WeChatCallbacks.Sha1(WeChatHost.Token, ts, "n1")}&timestamp={ts}&nonce=n1&echostr=echo-123");
        using var bad = await host.Http.GetAsync($"/api/wechat?signature={WeChatCallbacks.Sha1("wrong-token", ts, "n1")}&timestamp={ts}&nonce=n1&echostr=echo-123");

        Assert.Equal("echo-123", await good.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.DoesNotContain("echo-123", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bad_signature_is_refused_and_never_reaches_the_bot()
    {
        await using var host = await WeChatHost.StartAsync();
        var ts = WeChatCallbacks.Now();
        var forged = WeChatCallbacks.Sha1("guessed-token", ts, "n2");

        using var response = await host.Http.SendAsync(host.Callbacks.Post(WeChatCallbacks.TextXml(User, "建议", 1), User, ts, "n2", forged));
        var next = await host.SayAsync(User, "2");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // Had "建议" run, "2" would have chosen a category; the bot never saw it, so "2" is just a question.
        Assert.DoesNotContain("标题", next ?? "");
    }

    [Fact]
    public async Task Stale_timestamps_and_reused_nonces_are_refused_but_wechat_retries_are_not()
    {
        await using var host = await WeChatHost.StartAsync();
        var old = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds().ToString();
        var ts = WeChatCallbacks.Now();
        var first = WeChatCallbacks.TextXml(User, "你好", 501);

        using var stale = await host.Http.SendAsync(host.Callbacks.Post(first, User, old, "n-old"));
        using var fresh = await host.Http.SendAsync(host.Callbacks.Post(first, User, ts, "n-3"));
        using var retry = await host.Http.SendAsync(host.Callbacks.Post(first, User, ts, "n-3"));
        using var replay = await host.Http.SendAsync(host.Callbacks.Post(WeChatCallbacks.TextXml(User, "建议", 502), User, ts, "n-3"));

        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("success", await retry.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }

    [Fact]
    public async Task An_oversized_body_gets_413()
    {
        await using var host = await WeChatHost.StartAsync();
        var huge = WeChatCallbacks.TextXml(User, new string('长', 30_000), 601);

        using var response = await host.Http.SendAsync(host.Callbacks.Post(huge, User));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><ToUserName>gh</ToUserName><FromUserName>oSecurityUser01</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&xxe;</Content><MsgId>701</MsgId></xml>""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><xml><FromUserName>oSecurityUser01</FromUserName><MsgType>text</MsgType><Content>&c;</Content><MsgId>702</MsgId></xml>""")]
    [InlineData("<xml><FromUserName>oSecurityUser01</FromUserName><MsgType>text</MsgType><Content>unclosed")]
    public async Task Malicious_or_broken_xml_gets_400_and_no_answer(string xml)
    {
        await using var host = await WeChatHost.StartAsync();

        using var response = await host.Http.SendAsync(host.Callbacks.Post(xml, User));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("root:", body);
        Assert.DoesNotContain("aaaaaaaaaa", body);
    }

    [Fact]
    public async Task Safe_mode_refuses_plain_bodies_bad_msg_signatures_and_other_app_ids()
    {
        await using var host = await WeChatHost.StartAsync(safeMode: true);
        var ts = WeChatCallbacks.Now();
        var plainXml = WeChatCallbacks.TextXml(User, "建议", 801);
        var signature = WeChatCallbacks.Sha1(WeChatHost.Token, ts, "p1");

        using var plain = await host.Http.PostAsync($"/api/wechat?signature={signature}&timestamp={ts}&nonce=p1&openid={User}",
            new StringContent(plainXml, Encoding.UTF8, "text/xml"));
        using var tampered = await host.Http.SendAsync(WithQuery(host.Callbacks.Post(plainXml, User), "msg_signature", new string('0', 40)));
        var foreign = host.Callbacks.Encrypt(plainXml, forAppId: "wx-someone-else");
        var signed = WeChatCallbacks.Sha1(WeChatHost.Token, ts, "p2", foreign);
        using var otherApp = await host.Http.PostAsync(
            $"/api/wechat?signature={WeChatCallbacks.Sha1(WeChatHost.Token, ts, "p2")}&timestamp={ts}&nonce=p2&encrypt_type=aes&msg_signature={signed}",
            new StringContent($"<xml><ToUserName>gh</ToUserName><Encrypt><![CDATA[{foreign}]]></Encrypt></xml>", Encoding.UTF8, "text/xml"));

        Assert.Equal(HttpStatusCode.Unauthorized, plain.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherApp.StatusCode);
        Assert.Equal("WrongAppId", await otherApp.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_openid_listed_as_staff_is_still_public()
    {
        await using var host = await WeChatHost.StartAsync(settings: new Dictionary<string, string?> { ["Staff:UserIds:1"] = User });

        var reply = await host.SayAsync(User, "待办");

        Assert.Contains("没有使用此功能的权限", reply);
    }

    private static HttpRequestMessage WithQuery(HttpRequestMessage request, string name, string value)
    {
        var uri = request.RequestUri!.OriginalString;
        var start = uri.IndexOf(name + "=", StringComparison.Ordinal);
        var end = uri.IndexOf('&', start);
        request.RequestUri = new Uri(uri[..start] + name + "=" + value + (end < 0 ? "" : uri[end..]), UriKind.Relative);
        return request;
    }
}
