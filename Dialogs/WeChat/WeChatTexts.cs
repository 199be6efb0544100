using Cppcc.Dialogs.Framework;

namespace Cppcc.Dialogs.WeChat;

/// <summary>User-facing texts of the staff's WeChat commands (zh-CN first).</summary>
internal static class WeChatTexts
{
    public static readonly Localized NoImages = new("建议 {0} 没有微信图片。", "Suggestion {0} has no WeChat images.");
    public static readonly Localized ImagesOf = new("建议 {0} 的 {1} 张微信图片（下载链接仅限工作人员使用，{2} 前有效）：",
        "{1} WeChat images of suggestion {0} (the links work for staff only, until {2}):");
    public static readonly Localized Image = new("图片 {0}", "Image {0}");
}
