using System.IO.Compression;
using System.Net;
using System.Text;
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
        // "dotnet run --project Bot" makes the repository root the content root (docs/contract.md, Commands).
        await using var host = new WebChatHost();
        await using var fromRoot = host.Factory.WithWebHostBuilder(web => web.UseContentRoot(BotFactory.RepositoryRoot));
        using var http = fromRoot.CreateClient();

        var page = await http.GetStringAsync("/");
        using var bundle = await http.GetAsync("/lib/botframework-webchat/webchat.js");

        Assert.Contains("区政协在线服务", page);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
    }

    [Fact]
    public async Task The_bundle_goes_out_precompressed_when_the_build_made_a_copy()
    {
        var root = Directory.CreateTempSubdirectory("cppcc-webchat-page-").FullName;
        var lib = Directory.CreateDirectory(Path.Combine(root, "wwwroot", "lib")).FullName;
        File.WriteAllText(Path.Combine(root, "wwwroot", "index.html"), "<html lang=\"zh-CN\"></html>");
        var script = string.Concat(Enumerable.Repeat("window.WebChat = {};\n", 1000));
        File.WriteAllText(Path.Combine(lib, "app.js"), script);
        using (var gz = new GZipStream(File.Create(Path.Combine(lib, "app.js.gz")), CompressionLevel.Optimal))
        {
            gz.Write(Encoding.UTF8.GetBytes(script));
        }

        await using var host = new WebChatHost();
        await using var elsewhere = host.Factory.WithWebHostBuilder(web => web.UseContentRoot(root));
        using var http = elsewhere.CreateClient();
        using var plain = await http.GetAsync("/lib/app.js");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/lib/app.js") { Headers = { { "Accept-Encoding", "gzip, br" } } };
        using var compressed = await http.SendAsync(request);

        Assert.Equal(script, await plain.Content.ReadAsStringAsync());
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal("gzip", Assert.Single(compressed.Content.Headers.ContentEncoding));
        Assert.Equal("text/javascript", compressed.Content.Headers.ContentType!.MediaType);
        Assert.True(compressed.Content.Headers.ContentLength < script.Length / 10);
        using var unzip = new StreamReader(new GZipStream(await compressed.Content.ReadAsStreamAsync(), CompressionMode.Decompress));
        Assert.Equal(script, await unzip.ReadToEndAsync());
        Directory.Delete(root, recursive: true);
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
