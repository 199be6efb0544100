using System.Globalization;

namespace Cppcc.Bot.Graph;

/// <summary>The words of the Outlook events (Chinese: the committee's calendars are in Chinese).</summary>
public static class CalendarTexts
{
    /// <summary>"【区政协集中学习】学习贯彻全会精神".</summary>
    public static string Subject(string kind, string title) => string.Format(CultureInfo.InvariantCulture, "【区政协{0}】{1}", kind, title);

    /// <summary>The event text: where, and how to answer.</summary>
    public static string Body(string sessionId, string location)
        => string.Format(CultureInfo.InvariantCulture, "地点：{0}\n编号：{1}\n请在 Teams 中区政协助手发送的提醒卡片上回复“参加”或“请假”。", location, sessionId);
}
