using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Reports;

/// <summary>A loopback Bot Connector (Kestrel on 127.0.0.1, any port) that records every request the real ConnectorClient makes.</summary>
public sealed class ConnectorStub : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ConnectorStub(WebApplication app, string serviceUrl)
    {
        _app = app;
        ServiceUrl = serviceUrl;
    }

    public string ServiceUrl { get; }

    public ConcurrentQueue<(string Method, string Path, JObject Body)> Received { get; } = new();

    /// <summary>Text of every message posted to a conversation (by its raw, URL-encoded id).</summary>
    public IReadOnlyList<string> TextsTo(string conversationId)
        => Received.Where(r => r.Method == "POST" && r.Path.Contains("/v3/conversations/" + Uri.EscapeDataString(conversationId) + "/activities", StringComparison.Ordinal))
            .Select(r => (string?)r.Body["text"] ?? "").ToList();

    public static async Task<ConnectorStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        ConnectorStub? stub = null;
        app.Run(async ctx =>
        {
            var raw = ctx.Features.Get<IHttpRequestFeature>()!.RawTarget;
            var body = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
            stub!.Received.Enqueue((ctx.Request.Method, raw, body.Length > 0 ? JObject.Parse(body) : new JObject()));
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("{\"id\":\"stub-" + Guid.NewGuid().ToString("N") + "\"}");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub = new ConnectorStub(app, address + "/");
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
