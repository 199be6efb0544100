namespace Cppcc.Bot.WeChat;

/// <summary>
/// Per WeChat user (openid): when they last wrote (the 48-hour customer-service window), their numbered choices, and
/// notices that could not be delivered, shown when they next write.
/// </summary>
public interface IWeChatUserStore
{
    /// <summary>When the user last wrote, or null.</summary>
    DateTimeOffset? LastInboundAt(string openId);

    /// <summary>Notes that the user wrote now.</summary>
    void Touch(string openId, DateTimeOffset now);

    /// <summary>Replaces the user's numbered choices (an empty list clears them: the next "1" is plain text again).</summary>
    void SetChoices(string openId, IReadOnlyList<WeChatChoice> choices);

    /// <summary>The user's choice numbered <paramref name="number"/>, or null.</summary>
    WeChatChoice? Choice(string openId, int number);

    /// <summary>Keeps a notice that could not be delivered.</summary>
    void AddPending(string openId, string text);

    /// <summary>Drops a kept notice (it was delivered after all).</summary>
    void RemovePending(string openId, string text);

    /// <summary>The undelivered notices, removed from the store.</summary>
    IReadOnlyList<string> TakePending(string openId);
}
