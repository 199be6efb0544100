using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cppcc.Bot.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Cppcc.Bot.Tests.WeChat;

/// <summary>
/// WeChat's server API on loopback, as its documentation describes the wire: GET /cgi-bin/token, POST
/// /cgi-bin/message/custom/send, /cgi-bin/message/subscribe/bizsend and /cgi-bin/menu/create (JSON with errcode),
/// GET /cgi-bin/media/get (the file, or JSON with errcode). Tokens it issued stay valid until <see cref="ExpireTokens"/>.
/// </summary>
public sealed class WeChatApiStub : IAsyncDisposable
{
    public const string AppId = "wx0123456789abcdef";
    public const string AppSecret = "stub-app-secret";
    public static readonly byte[] Image = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 0xFF, 0xD9];

    private readonly ConcurrentQueue<(string Path, JsonObject? Body)> _calls = new();
    private readonly ConcurrentDictionary<string, bool> _validTokens = new();
    private readonly ConcurrentQueue<int> _sendErrors = new();
    private LoopbackServer? _server;
    private int _issued;

    public string Address => _server!.Address;

    public int TokensIssued => _issued;

    /// <summary>Customer-service texts in the order received: (openid, content).</summary>
    public IReadOnlyList<(string OpenId, string Content)> CustomerService =>
        Calls("/cgi-bin/message/custom/send").Select(b => ((string)b["touser"]!, (string)b["text"]!["content"]!)).ToList();

    public IReadOnlyList<JsonObject> Subscriptions => Calls("/cgi-bin/message/subscribe/bizsend");

    public IReadOnlyList<JsonObject> Menus => Calls("/cgi-bin/menu/create");

    public int MediaDownloads => _calls.Count(c => c.Path == "/cgi-bin/media/get");

    /// <summary>Tokens seen on refused calls (an errcode 40001 answer).</summary>
    public int RefusedTokenCalls { get; private set; }

    public static async Task<WeChatApiStub> StartAsync()
    {
        var stub = new WeChatApiStub();
        stub._server = await LoopbackServer.StartAsync(stub.HandleAsync);
        return stub;
    }

    /// <summary>Every token issued so far becomes invalid (as when another server fetched a new one): errcode 40001.</summary>
    public void ExpireTokens() => _validTokens.Clear();

    /// <summary>The next customer-service sends answer these errcodes, one each.</summary>
    public void FailNextSends(params int[] errcodes)
    {
        foreach (var code in errcodes)
        {
            _sendErrors.Enqueue(code);
        }
    }

    public IReadOnlyList<JsonObject> Calls(string path) => _calls.Where(c => c.Path == path).Select(c => c.Body!).ToList();

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        if (http.Request.Method == "POST" && http.Request.ContentLength is null)
        {
            // Plain HTTP servers read a body by its Content-Length; a chunked one reached such a stub empty once.
            http.Response.StatusCode = 411;
            return;
        }

        var body = http.Request.ContentLength is > 0 || http.Request.Method == "POST"
            ? await JsonNode.ParseAsync(http.Request.Body) as JsonObject
            : null;
        if (path == "/cgi-bin/token")
        {
            await TokenAsync(http);
            return;
        }

        var token = http.Request.Query["access_token"].ToString();
        if (!_validTokens.ContainsKey(token))
        {
            RefusedTokenCalls++;
            await Json(http, new JsonObject { ["errcode"] = 40001, ["errmsg"] = "invalid credential, access_token is invalid or not latest" });
            return;
        }

        _calls.Enqueue((path, body));
        switch (path)
        {
            case "/cgi-bin/message/custom/send":
                var code = _sendErrors.TryDequeue(out var e) ? e : 0;
                await Json(http, new JsonObject { ["errcode"] = code, ["errmsg"] = code == 0 ? "ok" : "stub error" });
                break;
            case "/cgi-bin/message/subscribe/bizsend" or "/cgi-bin/menu/create":
                await Json(http, new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok" });
                break;
            case "/cgi-bin/media/get" when http.Request.Query["media_id"] == "media-1":
                http.Response.ContentType = "image/jpeg";
                http.Response.Headers.ContentDisposition = "attachment; filename=\"media-1.jpg\"";
                await http.Response.Body.WriteAsync(Image);
                break;
            case "/cgi-bin/media/get":
                await Json(http, new JsonObject { ["errcode"] = 40007, ["errmsg"] = "invalid media_id" });
                break;
            default:
                http.Response.StatusCode = 404;
                break;
        }
    }

    private async Task TokenAsync(HttpContext http)
    {
        var q = http.Request.Query;
        if (q["grant_type"] != "client_credential" || q["appid"] != AppId || q["secret"] != AppSecret)
        {
            await Json(http, new JsonObject { ["errcode"] = 40125, ["errmsg"] = "invalid appsecret" });
            return;
        }

        var token = "stub-token-" + Interlocked.Increment(ref _issued);
        _validTokens[token] = true;
        await Json(http, new JsonObject { ["access_token"] = token, ["expires_in"] = 7200 });
    }

    private static Task Json(HttpContext http, JsonObject body)
    {
        http.Response.ContentType = "application/json; encoding=utf-8";
        return http.Response.WriteAsync(body.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
