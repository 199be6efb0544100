using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.WeChat;

/// <summary>
/// The account's access_token (valid 7,200 s): one shared token, from storage when still valid, renewed a few minutes
/// before it expires by one caller while the others wait for that same fetch.
/// </summary>
public sealed class WeChatAccessTokens(
    IHttpClientFactory http, IWeChatTokenStore store, IOptions<WeChatOptions> options, TimeProvider time, ILogger<WeChatAccessTokens> logger)
{
    public const string HttpClientName = "wechat";
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _fetch = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? _current;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Usable(_current) is { } cached)
        {
            return cached;
        }

        await _fetch.WaitAsync(cancellationToken);
        try
        {
            // Whoever waited behind the fetch finds its result here.
            _current ??= store.Find(options.Value.AppId!);
            if (Usable(_current) is { } fresh)
            {
                return fresh;
            }

            _current = await FetchAsync(cancellationToken);
            store.Save(options.Value.AppId!, _current.Value.Token, _current.Value.ExpiresAt);
            return _current.Value.Token;
        }
        finally
        {
            _fetch.Release();
        }
    }

    /// <summary>WeChat refused <paramref name="token"/> (40001/42001): forget it unless a newer one replaced it already.</summary>
    public void Invalidate(string token)
    {
        var current = _current;
        if (current?.Token == token)
        {
            _current = (token, DateTimeOffset.UnixEpoch);
            store.Save(options.Value.AppId!, token, DateTimeOffset.UnixEpoch);
        }
    }

    private string? Usable((string Token, DateTimeOffset ExpiresAt)? token) =>
        token is { } t && t.ExpiresAt > time.GetUtcNow() + RenewBefore ? t.Token : null;

    private async Task<(string, DateTimeOffset)> FetchAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var client = http.CreateClient(HttpClientName);
        var url = $"{o.ApiBaseUrl.TrimEnd('/')}/cgi-bin/token?grant_type=client_credential&appid={Uri.EscapeDataString(o.AppId!)}&secret={Uri.EscapeDataString(o.AppSecret!)}";
        using var response = await client.GetAsync(url, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        var root = json.RootElement;
        if (root.TryGetProperty("access_token", out var token) && token.GetString() is { Length: > 0 } value)
        {
            var seconds = root.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var s) ? s : 7200;
            logger.LogInformation("Fetched a new WeChat access token valid for {Seconds} s", seconds);
            return (value, time.GetUtcNow().AddSeconds(seconds));
        }

        var code = root.TryGetProperty("errcode", out var c) && c.TryGetInt32(out var n) ? n : -1;
        logger.LogWarning("WeChat refused an access token: errcode {ErrorCode}", code);
        throw new WeChatApiException(code);
    }
}
