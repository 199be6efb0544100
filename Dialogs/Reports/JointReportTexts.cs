using Cppcc.Dialogs.Framework;

namespace Cppcc.Dialogs.Reports;

/// <summary>User-facing texts of joint reports (联名), zh-CN first.</summary>
public static class JointReportTexts
{
    internal static readonly Localized CoAuthorsLabel = new("联名委员（可选）", "Co-authors (optional)");
    internal static readonly Localized CoAuthorsReportsOnly = new("只有委员提交的社情民意信息可以联名。", "Only members' opinion reports can have co-authors.");
    internal static readonly Localized TooManyCoAuthors = new($"联名委员最多 {CoAuthorList.Max} 位。", $"At most {CoAuthorList.Max} co-authors.");
    internal static readonly Localized SelfAsCoAuthor = new("您本人是提交人，无需再列为联名委员。", "You are the author; you need not co-sign your own report.");
    internal static readonly Localized BadCoAuthor = new("联名委员请从人员选择框中选择。", "Please choose co-authors with the people picker.");

    internal static readonly Localized CoSignersLabel = new("联名委员：{0}", "Co-signed by: {0}");
    internal static readonly Localized InviteTitle = new("联名邀请", "Invitation to co-sign");
    internal static readonly Localized Invite = new("{0} 邀请您联名提交社情民意信息 {1}：{2}", "{0} invites you to co-sign opinion report {1}: {2}");
    internal static readonly Localized Accept = new("同意联名", "Co-sign");
    internal static readonly Localized Decline = new("谢绝", "Decline");

    internal static readonly Localized Accepted = new("您已联名社情民意信息 {0}，此后每一步进展都会通知您，也可在“我的社情民意”中查看。",
        "You have co-signed {0}; you will be told of each step and find it under \"my reports\".");
    internal static readonly Localized Declined = new("您已谢绝联名社情民意信息 {0}。", "You have declined to co-sign {0}.");
    internal static readonly Localized AlreadyAccepted = new("您此前已同意联名 {0}，无需重复操作。", "You already co-signed {0}.");
    internal static readonly Localized AlreadyDeclined = new("您此前已谢绝联名 {0}；如需联名，请联系提交人重新提交。",
        "You already declined {0}; ask the author if you wish to join after all.");
    internal static readonly Localized NotInvited = new("没有找到邀请您联名的社情民意信息 {0}，请核对编号。",
        "No report {0} invites you to co-sign; please check the reference.");
    internal static readonly Localized BadResponse = new("请选择“同意联名”或“谢绝”。", "Please choose co-sign or decline.");
}
