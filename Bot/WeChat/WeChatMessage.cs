namespace Cppcc.Bot.WeChat;

/// <summary>One callback message (普通消息 or 事件推送) as WeChat sends it, with the fields the bot uses.</summary>
public sealed record WeChatMessage
{
    /// <summary>The account's original id (gh_…), the recipient.</summary>
    public string ToUserName { get; init; } = "";

    /// <summary>The user's openid.</summary>
    public string FromUserName { get; init; } = "";

    /// <summary>Seconds since 1970 (UTC).</summary>
    public long CreateTime { get; init; }

    /// <summary>text, image, voice, video, location, link or event.</summary>
    public string MsgType { get; init; } = "";

    public string? Content { get; init; }

    public string? MsgId { get; init; }

    public string? PicUrl { get; init; }

    public string? MediaId { get; init; }

    /// <summary>subscribe, unsubscribe, SCAN, CLICK, VIEW … (for MsgType event).</summary>
    public string? Event { get; init; }

    public string? EventKey { get; init; }

    /// <summary>
    /// What makes a message unique across WeChat's retries: the MsgId for messages; events have none, so the sender,
    /// the creation time and the event.
    /// </summary>
    public string DeduplicationKey => !string.IsNullOrEmpty(MsgId)
        ? "msg:" + MsgId
        : $"evt:{FromUserName}:{CreateTime}:{Event}:{EventKey}";
}
