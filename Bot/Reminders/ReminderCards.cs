using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Root;
using Cppcc.Dialogs.Sessions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Reminders;

/// <summary>Cards members get about a session (zh-CN first).</summary>
public static class ReminderCards
{
    private static readonly Localized ReminderTitle = new("学习提醒", "Session reminder");
    private static readonly Localized CancelledTitle = new("学习安排已取消", "Session cancelled");
    private static readonly Localized ChangedTitle = new("学习安排有变更", "Session changed");
    private static readonly Localized WhenLabel = new("时间", "When");
    private static readonly Localized WhereLabel = new("地点", "Where");
    private static readonly Localized KindLabel = new("类型", "Kind");
    private static readonly Localized AttendButton = new("参加", "Attend");
    private static readonly Localized AbsentButton = new("请假", "Absent");
    private static readonly Localized PleaseAnswer = new("请告知是否参加：", "Will you attend?");
    private static readonly Localized CancelledBody = new("“{0}”（原定 {1}）已取消，无需参加。", "\"{0}\" ({1}) is cancelled.");

    public static IMessageActivity Reminder(StudySession session, string? locale)
    {
        var body = new JArray
        {
            MenuCard.TextBlock(ReminderTitle.For(locale) + "：" + session.Title, large: true),
            Facts(session, locale),
            MenuCard.TextBlock(PleaseAnswer.For(locale)),
        };
        var actions = new JArray { Rsvp(session, "attend", AttendButton.For(locale)), Rsvp(session, "absent", AbsentButton.For(locale)) };
        return WithSummary(MessageFactory.Attachment(MenuCard.AdaptiveCard(body, actions)), ReminderTitle.For(locale) + "：" + session.Title);
    }

    public static IMessageActivity Changed(StudySession session, string? locale)
    {
        var body = new JArray { MenuCard.TextBlock(ChangedTitle.For(locale) + "：" + session.Title, large: true), Facts(session, locale) };
        var actions = new JArray { Rsvp(session, "attend", AttendButton.For(locale)), Rsvp(session, "absent", AbsentButton.For(locale)) };
        return WithSummary(MessageFactory.Attachment(MenuCard.AdaptiveCard(body, actions)), ChangedTitle.For(locale) + "：" + session.Title);
    }

    public static IMessageActivity Cancelled(StudySession session, string? locale)
        => MessageFactory.Text(CancelledTitle.For(locale) + "\n\n" +
            string.Format(System.Globalization.CultureInfo.InvariantCulture, CancelledBody.For(locale), session.Title, SessionTexts.When(session.LocalStart)));

    private static JObject Facts(StudySession session, string? locale) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JArray
        {
            Fact(WhenLabel.For(locale), SessionTexts.When(session.LocalStart)),
            Fact(WhereLabel.For(locale), session.Location),
            Fact(KindLabel.For(locale), SessionTexts.KindName(session.Kind)),
        },
    };

    private static JObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static JObject Rsvp(StudySession session, string response, string title) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JObject { ["action"] = "session.rsvp", ["sessionId"] = session.Id, ["response"] = response },
    };

    private static IMessageActivity WithSummary(IMessageActivity message, string summary)
    {
        message.Summary = summary;
        return message;
    }
}
