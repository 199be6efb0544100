using System.ComponentModel.DataAnnotations;

namespace Cppcc.Bot.WebChat;

/// <summary>Configuration section "WebChat": the public page and its embedded Direct Line.</summary>
public sealed class WebChatOptions
{
    public const string SectionName = "WebChat";

    /// <summary>Serve the page at / and the Direct Line subset at /v3/directline (docs/contract.md, HTTP endpoints).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Azure Bot Service Direct Line secret. Empty (the default) = the embedded Direct Line. When set, the page's
    /// tokens/generate is answered with a token from <see cref="DirectLineEndpoint"/>, and the page talks to Azure.
    /// The secret stays on the server; set it by environment (WebChat__DirectLineSecret), never in appsettings.json.
    /// </summary>
    public string? DirectLineSecret { get; set; }

    /// <summary>Azure's Direct Line base URL (a regional one, e.g. Europe's, works too).</summary>
    [Url]
    public string DirectLineEndpoint { get; set; } = "https://directline.botframework.com/v3/directline";

    /// <summary>Base64 HMAC key (at least 32 bytes) for Direct Line tokens; empty = generated once and kept in storage.</summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>directlinejs refreshes every 15 minutes, so a token must outlive that.</summary>
    [Range(typeof(TimeSpan), "00:16:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The WebSocket URL carries its own credential in the query string: keep it short-lived.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan StreamUrlLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A conversation the client has not touched for this long is dropped with its activities.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Live conversations at most; with the two bounds below, at most about 1 GB of kept activities.</summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 5_000;

    /// <summary>
    /// Live conversations one client address (an IPv4 address, or an IPv6 /64) may hold at once: its share of
    /// <see cref="MaxConversations"/>, so one address cannot take every place. Generous enough for a NAT'ed office.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxConversationsPerClient { get; set; } = 100;

    /// <summary>Activities kept per conversation for polling, reconnects and reloads; older ones are dropped.</summary>
    [Range(10, 10_000)]
    public int MaxActivitiesPerConversation { get; set; } = 100;

    /// <summary>Characters of activity JSON kept per conversation (cards are large); older activities are dropped.</summary>
    [Range(10_000, 10_000_000)]
    public int MaxKeptCharsPerConversation { get; set; } = 100_000;

    [Range(1, 3)]
    public int MaxSocketsPerConversation { get; set; } = 2;

    /// <summary>Largest accepted activity JSON in bytes (a report card submit with 1,500 CJK characters is ~10 KB).</summary>
    [Range(1024, 1_048_576)]
    public int MaxActivityBytes { get; set; } = 32 * 1024;

    /// <summary>Longest accepted message text, in characters.</summary>
    [Range(10, 100_000)]
    public int MaxTextLength { get; set; } = 2000;

    /// <summary>Messages one conversation may send in a burst, then <see cref="ConversationMessagesPerMinute"/>.</summary>
    [Range(1, 10_000)]
    public int ConversationMessageBurst { get; set; } = 10;

    [Range(1, 100_000)]
    public int ConversationMessagesPerMinute { get; set; } = 30;

    /// <summary>Direct Line requests (polls included) one client address may make in a burst, then per second.</summary>
    [Range(1, 1_000_000)]
    public int ClientRequestBurst { get; set; } = 120;

    [Range(1, 1_000_000)]
    public int ClientRequestsPerSecond { get; set; } = 10;

    /// <summary>New conversations (tokens/generate) one client address may open in a burst, then per minute.</summary>
    [Range(1, 1_000_000)]
    public int ClientConversationBurst { get; set; } = 10;

    [Range(1, 1_000_000)]
    public int ClientConversationsPerMinute { get; set; } = 5;

    /// <summary>Name shown for the bot's messages.</summary>
    [Required]
    public string BotName { get; set; } = "区政协助手";
}
