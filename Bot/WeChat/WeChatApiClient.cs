using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.WeChat;

/// <summary>The parts of WeChat's server API the bot calls, with the shared access token; a refused token is renewed and the call made once more.</summary>
public sealed class WeChatApiClient(IHttpClientFactory http, WeChatAccessTokens tokens, IOptions<WeChatOptions> options)
{
    /// <summary>客服消息: a text message to a user who wrote within the last 48 hours.</summary>
    public Task SendTextAsync(string openId, string content, CancellationToken cancellationToken) =>
        PostAsync("/cgi-bin/message/custom/send", new JsonObject
        {
            ["touser"] = openId,
            ["msgtype"] = "text",
            ["text"] = new JsonObject { ["content"] = content },
        }, cancellationToken);

    /// <summary>订阅通知 (official accounts' bizsend; /subscribe/send is the mini-program API).</summary>
    public Task SendSubscriptionAsync(string openId, string templateId, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        var fields = new JsonObject();
        foreach (var (key, value) in data)
        {
            fields[key] = new JsonObject { ["value"] = value };
        }

        return PostAsync("/cgi-bin/message/subscribe/bizsend", new JsonObject
        {
            ["touser"] = openId,
            ["template_id"] = templateId,
            ["data"] = fields,
        }, cancellationToken);
    }

    /// <summary>自定义菜单: replaces the account's menu.</summary>
    public Task CreateMenuAsync(JsonObject menu, CancellationToken cancellationToken) => PostAsync("/cgi-bin/menu/create", menu, cancellationToken);

    /// <summary>临时素材: the bytes and content type of a media id (a user's image stays there for 3 days).</summary>
    public Task<(byte[] Bytes, string ContentType)> DownloadMediaAsync(string mediaId, CancellationToken cancellationToken) =>
        WithTokenAsync(async (client, token) =>
        {
            using var response = await client.GetAsync(Url("/cgi-bin/media/get", token) + "&media_id=" + Uri.EscapeDataString(mediaId), cancellationToken);
            response.EnsureSuccessStatusCode();
            var type = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            // Errors come back as JSON (or text/plain JSON) with an errcode instead of the file.
            if (type is "application/json" or "text/plain")
            {
                ThrowIfError(JsonNode.Parse(bytes));
            }

            return (bytes, type);
        }, cancellationToken);

    private Task PostAsync(string path, JsonObject body, CancellationToken cancellationToken) =>
        WithTokenAsync(async (client, token) =>
        {
            // A buffered body with Content-Length: JsonContent streams it chunked, which not every server reads.
            using var content = new StringContent(body.ToJsonString(Json), System.Text.Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(Url(path, token), content, cancellationToken);
            response.EnsureSuccessStatusCode();
            ThrowIfError(JsonNode.Parse(await response.Content.ReadAsStreamAsync(cancellationToken)));
            return true;
        }, cancellationToken);

    private async Task<T> WithTokenAsync<T>(Func<HttpClient, string, Task<T>> call, CancellationToken cancellationToken)
    {
        var client = http.CreateClient(WeChatAccessTokens.HttpClientName);
        var token = await tokens.GetAsync(cancellationToken);
        try
        {
            return await call(client, token);
        }
        catch (WeChatApiException e) when (WeChatApiException.TokenErrors.Contains(e.ErrorCode))
        {
            // Another server with the same AppSecret fetched a token (which voids ours), or it expired early.
            tokens.Invalidate(token);
            return await call(client, await tokens.GetAsync(cancellationToken));
        }
    }

    private string Url(string path, string token) => options.Value.ApiBaseUrl.TrimEnd('/') + path + "?access_token=" + Uri.EscapeDataString(token);

    private static void ThrowIfError(JsonNode? answer)
    {
        var code = answer?["errcode"]?.GetValue<int>() ?? 0;
        if (code != 0)
        {
            throw new WeChatApiException(code);
        }
    }

    // Chinese text as it is, not \u-escaped: WeChat counts the bytes of what it displays.
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
