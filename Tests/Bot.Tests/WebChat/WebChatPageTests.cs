using System.Net;

namespace Cppcc.Bot.Tests.WebChat;

public sealed class WebChatPageTests
{
    [Fact]
    public async Task The_page_is_served_at_the_root_with_the_official_bundle()
    {
        await using var host = new WebChatHost();
        using var http = host.Factory.CreateClient();

        using var response = await http.GetAsync("/");
        var page = await response.Content.ReadAsStringAsync();
        using var bundle = await http.GetAsync("/lib/botframework-webchat/webchat.js");

        Assert.Contains("lang=\"zh-CN\"", page);
        Assert.Contains("区政协", page);
        Assert.Contains("联系电话", page);
        Assert.Contains("script-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.True(bundle.Content.Headers.ContentLength > 1_000_000);
    }

    [Fact]
    public async Task WebChat_Enabled_false_switches_page_and_direct_line_off()
    {
        await using var host = new WebChatHost(("WebChat:Enabled", "false"));
        using var http = host.Factory.CreateClient();

        using var page = await http.GetAsync("/");
        using var token = await http.PostAsync("/v3/directline/tokens/generate", null);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
    }
}
