namespace Cppcc.Dialogs.WeChat;

/// <summary>Download kinds of the WeChat channel; the host registers a file source for each.</summary>
public static class WeChatExportKinds
{
    /// <summary>One image a WeChat user sent (subject: the image id).</summary>
    public const string Image = "wechat.image";
}
