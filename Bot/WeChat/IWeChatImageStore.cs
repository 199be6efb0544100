namespace Cppcc.Bot.WeChat;

/// <summary>
/// Images WeChat users sent, with their bytes, and the suggestion each is attached to (null until attached).
/// </summary>
public interface IWeChatImageStore
{
    /// <summary>Keeps an image: its id (<c>wechat/…</c>), sender, type, file name, arrival (UTC) and bytes.</summary>
    void Add(WeChatImageInfo image, string fileName, byte[] bytes);

    /// <summary>The sender's images not yet attached to a suggestion.</summary>
    IReadOnlyList<WeChatImageInfo> Unattached(string openId);

    /// <summary>Attaches every unattached image of the sender to <paramref name="reference"/>.</summary>
    void Attach(string openId, string reference);

    /// <summary>The ids of the images attached to a suggestion, oldest first.</summary>
    IReadOnlyList<string> For(string reference);

    /// <summary>The bytes, type and file name of one stored image, or null.</summary>
    (byte[] Bytes, string ContentType, string FileName)? Open(string id);
}

/// <summary>One stored image without its bytes.</summary>
public sealed record WeChatImageInfo(string Id, string OpenId, string? Reference, string ContentType, DateTime ReceivedAt);
