using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Cppcc.Bot.Tests.Support;
using Microsoft.AspNetCore.Http;

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

    private sealed class AzureStub(HttpStatusCode status) : IAsyncDisposable
    {
        private LoopbackServer _server = null!;

        public string Url { get; private set; } = "";

        public ConcurrentQueue<(string Path, string Authorization, string Body)> Seen { get; } = new();

        public static async Task<AzureStub> StartAsync(HttpStatusCode status)
        {
            var stub = new AzureStub(status);
            stub._server = await LoopbackServer.StartAsync(stub.HandleAsync);
            stub.Url = stub._server.Address + "/";
            return stub;
        }

        private async Task HandleAsync(HttpContext context)
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            Seen.Enqueue((context.Request.Path, context.Request.Headers.Authorization.ToString(), body));
            context.Response.StatusCode = (int)status;
            if (status == HttpStatusCode.OK)
            {
                await context.Response.WriteAsJsonAsync(new { conversationId = "azure-conversation-1", token = "azure-token-1", expires_in = 3600 });
            }
        }

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }
}
