using System.Net;
using Cppcc.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting;

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
    public async Task The_page_is_served_when_the_bot_runs_from_the_repository_root()
    {
        // "dotnet run --project Bot" makes the repository root the content root (contract section 1).
        await using var host = new WebChatHost();
        await using var fromRoot = host.Factory.WithWebHostBuilder(web => web.UseContentRoot(BotFactory.RepositoryRoot));
        using var http = fromRoot.CreateClient();

        var page = await http.GetStringAsync("/");
        using var bundle = await http.GetAsync("/lib/botframework-webchat/webchat.js");

        Assert.Contains("区政协在线服务", page);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
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
