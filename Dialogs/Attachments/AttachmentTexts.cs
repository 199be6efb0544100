namespace Cppcc.Dialogs.Attachments;

/// <summary>What the bot says about attachments (Chinese: the office's working language; members use Teams in Chinese).</summary>
internal static class AttachmentTexts
{
    public const string Rules = "每篇最多 5 个，每个不超过 10 MB；支持图片（JPG、PNG、GIF、WebP）、PDF 和 Office 文档（Word、Excel、PowerPoint）。";
    public const string NoReport = "请先提交社情民意，提交后 24 小时内在此发送图片或文件即可附加到该篇。" + Rules;
    public const string NoSuggestion = "请先提交建议，提交后 24 小时内点击上传按钮发送图片或文件即可附加到该条建议。" + Rules;
    public const string Attached = "已附加“{0}”到 {1}（第 {2}/5 个）。";
    public const string TooLarge = "“{0}”超过 10 MB，未附加。请压缩后再发送。";
    public const string WrongType = "“{0}”的文件类型不支持，未附加。" + Rules;
    public const string TooMany = "{0} 已有 5 个附件，达到上限，“{1}”未附加。";
    public const string NotDownloaded = "“{0}”没能下载，未附加，请稍后重新发送。";
    public const string None = "{0} 没有附件。";
    public const string NotFound = "没有找到您可以查看的 {0}。";
    public const string StaffList = "{0} 的附件（共 {1} 个），链接仅限工作人员使用，{2} 前有效：";
    public const string OwnList = "{0} 的附件（共 {1} 个）：";
    public const string Usage = "请写编号，例如“附件 SQ-2026-000001”。";
    public const string Unnamed = "图片";
}
