using System.Globalization;
using Cppcc.Dialogs.Framework;

namespace Cppcc.Dialogs.Sessions;

/// <summary>User-facing texts of study sessions (zh-CN first).</summary>
public static class SessionTexts
{
    internal static readonly Localized Created = new("已创建{0}“{1}”（编号 {2}），时间：{3}，地点：{4}。成员将按设定提前收到提醒。",
        "Created {0} \"{1}\" ({2}) on {3} at {4}. Members will be reminded ahead of time.");
    internal static readonly Localized MissingField = new("请填写{0}（{1}）。", "Please fill in {0} ({1}).");
    internal static readonly Localized BadField = new("{0}（{1}）无效：{2}", "{0} ({1}) is invalid: {2}");
    internal static readonly Localized InThePast = new("开始时间必须晚于现在。", "the start must be in the future.");
    internal static readonly Localized TooFarAhead = new("开始时间不能晚于 {0} 年之后，请检查年份。", "the start must be within {0} years from now; check the year.");
    internal static readonly Localized NotADate = new("请使用 ISO-8601 格式（如 2026-12-01T14:30:00+08:00）。", "use ISO-8601 (e.g. 2026-12-01T14:30:00+08:00).");
    internal static readonly Localized OneOf = new("可选值：{0}。", "allowed: {0}.");
    internal static readonly Localized TooLong = new("不能超过 {0} 字。", "at most {0} characters.");
    internal static readonly Localized NoUpcoming = new("近期没有学习安排。", "No upcoming sessions.");
    internal static readonly Localized UpcomingTitle = new("近期学习安排：", "Upcoming sessions:");
    internal static readonly Localized AlreadyScheduled = new("已有相同的学习安排 {0}（标题、时间、地点都相同），没有重复创建。",
        "Session {0} already has this title, time and place; no second one was created.");
    internal static readonly Localized NoSuchSession = new("没有找到学习安排 {0}。", "There is no session {0}.");
    internal static readonly Localized Cancelled = new("已取消学习安排 {0}，已收到提醒的成员会收到取消通知。", "Session {0} is cancelled; members already reminded are told.");
    internal static readonly Localized Moved = new("已更新学习安排 {0}：{1}，{2}。已收到提醒的成员会收到变更通知。", "Session {0} updated: {1}, {2}. Members already reminded are told.");
    internal static readonly Localized RsvpAttend = new("已记录：您将参加“{0}”。", "Noted: you will attend \"{0}\".");
    internal static readonly Localized RsvpAbsent = new("已记录：您请假不参加“{0}”。", "Noted: you will not attend \"{0}\".");
    internal static readonly Localized RsvpGone = new("该学习安排不存在或已取消。", "That session does not exist or was cancelled.");
    internal static readonly Localized RsvpClosed = new("“{0}”已经开始，不能再回复参加或请假。如有变动，请联系工作人员。",
        "\"{0}\" has already begun: answers are closed. Please tell the staff of any change.");
    internal static readonly Localized RsvpNotInAudience = new("“{0}”不在您的参加范围内（它面向其他分组），无需回复，回复也不会记录。如有疑问，请联系工作人员。",
        "\"{0}\" is meant for another group, not for you: no answer is needed and none is recorded. Please ask the staff if in doubt.");
    internal static readonly Localized RsvpBad = new("回复（response）应为 attend 或 absent。", "The answer (response) must be attend or absent.");
    internal static readonly Localized AttendanceTitle = new("{0}“{1}”（{2}）出席情况：参加 {3} 人，请假 {4} 人，未回复 {5} 人。",
        "{0} \"{1}\" ({2}): {3} attending, {4} absent, {5} not answered.");
    internal static readonly Localized NoReply = new("未回复", "not answered");
    internal static readonly Localized AttendanceLine = new("{0}：{1}", "{0}: {1}");
    internal static readonly Localized Attend = new("参加", "attend");
    internal static readonly Localized Absent = new("请假", "absent");
    internal static readonly Localized UsageId = new("请在命令后输入学习安排编号，例如：{0} HD-2026-0001", "Add the session id, e.g. {0} HD-2026-0001");
    internal static readonly Localized UsageMove = new("用法：改期 HD-2026-0001 2026-12-05 14:30", "Usage: move session HD-2026-0001 2026-12-05 14:30");
    internal static readonly Localized AskTitle = new("请输入学习安排的标题：", "Title of the session?");
    internal static readonly Localized AskKind = new("类型？", "Kind?");
    internal static readonly Localized AskStart = new("开始时间？（如 2026-12-01 14:30 或 明天 15:00）", "When does it start? (e.g. 2026-12-01 14:30)");
    internal static readonly Localized AskLocation = new("地点？", "Where?");
    internal static readonly Localized AskRecurrence = new("是否重复？", "Does it repeat?");
    internal static readonly Localized Confirm = new("确认创建：{0}“{1}”，{2}，{3}，{4}？", "Create {0} \"{1}\" on {2} at {3}, {4}?");
    internal static readonly Localized Create = new("创建", "Create");
    internal static readonly Localized NotNow = new("暂不创建", "Not now");
    internal static readonly Localized NotCreated = new("已取消，没有创建学习安排。", "Cancelled; no session was created.");

    internal static readonly string[] KindNames = ["集中学习", "专题讲座", "会议"];
    internal static readonly string[] RecurrenceNames = ["不重复", "每月", "每季度"];

    /// <summary>The kind as people call it.</summary>
    public static string KindName(SessionKind kind) => KindNames[(int)kind];

    /// <summary>The recurrence as people call it.</summary>
    public static string RecurrenceName(Recurrence recurrence) => RecurrenceNames[(int)recurrence];

    /// <summary>"2026年12月1日（周二）14:30", always in the office's zone, whatever offset the start was entered with.</summary>
    public static string When(DateTimeOffset start, OfficeTime office)
    {
        var local = office.Local(start);
        var weekday = "日一二三四五六"[(int)local.DayOfWeek];
        return local.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) + "（周" + weekday + "）" + local.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>One line of a list.</summary>
    public static string Line(SessionView s, OfficeTime office)
        => $"{s.Id} · {KindName(s.Kind)}“{s.Title}” · {When(s.StartsAt, office)} · {s.Location}" + (s.Recurrence == Recurrence.None ? "" : " · " + RecurrenceName(s.Recurrence));
}
