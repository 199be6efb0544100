using Cppcc.Dialogs.Framework;

namespace Cppcc.Dialogs.Broadcasts;

/// <summary>User-facing texts of broadcasts (zh-CN first).</summary>
internal static class BroadcastTexts
{
    public static readonly Localized MenuTitle = new("发送通知", "Send a notice");
    public static readonly Localized AskText = new("请输入通知内容：", "What should the notice say?");
    public static readonly Localized AskAudience = new("发给谁？", "Who should get it?");
    public static readonly Localized AskLink = new("需要附带链接吗？请输入以 http:// 或 https:// 开头的网址，不需要请输入“无”。",
        "Add a link? Type an http(s) address, or \"none\".");
    public static readonly Localized Confirm = new("确认发送以下通知给“{0}”吗？\n\n{1}", "Send this notice to \"{0}\"?\n\n{1}");
    public static readonly Localized Send = new("发送", "Send");
    public static readonly Localized NotNow = new("暂不发送", "Not now");
    public static readonly Localized NotSent = new("已取消，通知未发送。", "Cancelled; nothing was sent.");
    public static readonly Localized Started = new("通知 {0} 已开始发送，共 {1} 位接收人。进度卡片会随发送更新。",
        "Notice {0} is on its way to {1} recipients. The progress card updates as it goes.");
    public static readonly Localized AlreadySent = new("相同的通知刚刚已发送（编号 {0}），本次没有重复发送。输入“通知结果 {0}”可查看发送结果。",
        "This notice was just sent ({0}); it was not sent again. Type \"broadcast report {0}\" for its results.");
    public static readonly Localized Unreachable = new("另有 {0} 位成员尚未与助手建立对话，暂时无法送达。",
        "{0} more members never opened a chat with the assistant and cannot be reached yet.");
    public static readonly Localized MissingText = new("通知内容（text）不能为空。", "The notice text (text) is required.");
    public static readonly Localized TooLong = new("通知内容（text）不能超过 {0} 字。", "The notice text (text) is limited to {0} characters.");
    public static readonly Localized BadLink = new("链接（link）必须以 http:// 或 https:// 开头。", "The link (link) must start with http:// or https://.");
    public static readonly Localized UnknownAudience = new("没有名为“{0}”的分组（audience）。可选：{1}", "There is no group \"{0}\" (audience). Known: {1}");
    public static readonly Localized NoRecipients = new("该范围内没有可送达的成员，通知未发送。", "Nobody in that audience can be reached; nothing was sent.");
    public static readonly Localized ReportUsage = new("请输入“通知结果 通知编号”，例如：通知结果 TZ-2026-0001", "Type \"broadcast report <id>\", e.g. broadcast report TZ-2026-0001");
    public static readonly Localized NoSuchBroadcast = new("没有找到通知 {0}。", "There is no notice {0}.");
    public static readonly Localized ReportSummary = new("通知 {0}：已送达 {1}，失败 {2}，待发送 {3}。逐人结果可点下方“下载 CSV”获取（仅限工作人员，链接短时有效）。",
        "Notice {0}: {1} delivered, {2} failed, {3} pending. Per-recipient results: Download CSV below (staff only, the link expires soon).");
    public static readonly Localized AllMembers = new("全体委员", "All members");
    public static readonly Localized None = new("无", "none");

    public const int MaxLength = 2000;
}
