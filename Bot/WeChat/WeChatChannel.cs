namespace Cppcc.Bot.WeChat;

/// <summary>Fixed facts of the WeChat channel.</summary>
public static class WeChatChannel
{
    /// <summary>The activities' channelId; the role resolver gives it the public role only.</summary>
    public const string ChannelId = "wechat";

    /// <summary>
    /// The serviceUrl of every WeChat activity (the stored references need one). Never resolvable (RFC 2606
    /// ".invalid"): WeChat conversations are answered by <see cref="WeChatAdapter"/>, never through a Connector.
    /// </summary>
    public const string ServiceUrl = "https://wechat.invalid/";

    public static string UserKey(string openId) => Dialogs.Root.UserKey.For(ChannelId, openId).ToString();
}
