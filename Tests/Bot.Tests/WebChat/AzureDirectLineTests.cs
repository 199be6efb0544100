using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Bot.Tests.WebChat;

/// <summary>WebChat:DirectLineSecret switches the page to Azure's Direct Line; a loopback stub plays Azure.</summary>
public sealed class AzureDirectLineTests
{
    private const string Secret = "azure-direct-line-secret-for-tests";

    [Fact]
    public async Task With_a_secret_the_page_gets_an_Azure_token_and_never_the_secret()
    {
        await using var azure = await AzureStub.StartAsync(HttpStatusCode.OK);
        await using var host = new WebChatHost(("WebChat:DirectLineSecret", Secret), ("WebChat:DirectLineEndpoint", azure.Url + "v3/directline"));
        using var http = host.Factory.CreateClient();

        using var response = await http.PostAsync("/v3/directline/tokens/generate", null);
        var raw = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(raw).RootElement;
        Assert.Equal("azure-conversation-1", body.GetProperty("conversationId").GetString());
        Assert.Equal("azure-token-1", body.GetProperty("token").GetString());
        Assert.Equal(azure.Url + "v3/directline", body.GetProperty("domain").GetString());
        Assert.DoesNotContain(Secret, raw);
        var (path, authorization, request) = Assert.Single(azure.Seen);
        Assert.Equal("/v3/directline/tokens/generate", path);
        Assert.Equal("Bearer " + Secret, authorization);
        Assert.StartsWith("dl_", JsonDocument.Parse(request).RootElement.GetProperty("user").GetProperty("id").GetString());
    }

    [Fact]
    public async Task When_Azure_refuses_the_page_gets_a_Chinese_502()
    {
        await using var azure = await AzureStub.StartAsync(HttpStatusCode.Forbidden);
        await using var host = new WebChatHost(("WebChat:DirectLineSecret", Secret), ("WebChat:DirectLineEndpoint", azure.Url + "v3/directline"));
        using var http = host.Factory.CreateClient();

        using var response = await http.PostAsync("/v3/directline/tokens/generate", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("请稍后再试", await DirectLineClient.ErrorMessageAsync(response));
    }

    private sealed class AzureStub : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private AzureStub(WebApplication app, string url)
        {
            _app = app;
            Url = url;
        }

        public string Url { get; }

        public ConcurrentQueue<(string Path, string Authorization, string Body)> Seen { get; } = new();

        public static async Task<AzureStub> StartAsync(HttpStatusCode status)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            AzureStub? stub = null;
            app.Run(async context =>
            {
                var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
                stub!.Seen.Enqueue((context.Request.Path, context.Request.Headers.Authorization.ToString(), body));
                context.Response.StatusCode = (int)status;
                if (status == HttpStatusCode.OK)
                {
                    await context.Response.WriteAsJsonAsync(new { conversationId = "azure-conversation-1", token = "azure-token-1", expires_in = 3600 });
                }
            });
            await app.StartAsync();
            var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
            stub = new AzureStub(app, url);
            return stub;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
