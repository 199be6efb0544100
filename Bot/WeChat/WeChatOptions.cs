using System.ComponentModel.DataAnnotations;

namespace Cppcc.Bot.WeChat;

/// <summary>Configuration section "WeChat": the official account (微信公众号) channel. Off unless AppId, AppSecret and Token are set.</summary>
public sealed class WeChatOptions
{
    public const string SectionName = "WeChat";

    /// <summary>The official account's AppID (开发者ID).</summary>
    public string? AppId { get; set; }

    /// <summary>The AppSecret; set it by environment (WeChat__AppSecret), never in appsettings.json.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The server configuration's Token (令牌), which signs every callback.</summary>
    public string? Token { get; set; }

    /// <summary>The 43-character EncodingAESKey; set = safe mode (安全模式): plain callbacks are refused.</summary>
    public string? EncodingAESKey { get; set; }

    /// <summary>The API host; a loopback stub in tests.</summary>
    [Url]
    public string ApiBaseUrl { get; set; } = "https://api.weixin.qq.com";

    /// <summary>订阅通知 template for status notices outside the 48-hour customer-service window; empty = none.</summary>
    public string? SubscribeTemplateId { get; set; }

    /// <summary>Largest callback body; WeChat's messages are a few KB.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>A callback whose timestamp is further than this from our clock is refused as a replay.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a callback waits for the bot's answer before replying "success" and sending the answer later through
    /// the customer-service API. WeChat gives up after 5 seconds, so this stays well below.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:04.500")]
    public TimeSpan PassiveReplyWindow { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Customer-service messages are allowed this long after the user's last message (WeChat: 48 hours).</summary>
    public TimeSpan CustomerServiceWindow { get; set; } = TimeSpan.FromHours(48);

    public bool Enabled => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(AppSecret) && !string.IsNullOrWhiteSpace(Token);

    public bool SafeMode => !string.IsNullOrWhiteSpace(EncodingAESKey);
}
