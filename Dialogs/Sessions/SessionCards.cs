using System.Globalization;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Sessions;

/// <summary>The cards members get about a session: the reminder, a change, a cancellation, and the answered reminder.</summary>
public static class SessionCards
{
    private static readonly Localized ReminderTitle = new("学习提醒", "Session reminder");
    private static readonly Localized ChangedTitle = new("学习安排有变更", "Session changed");
    private static readonly Localized CancelledTitle = new("学习安排已取消", "Session cancelled");
    private static readonly Localized WhenLabel = new("时间", "When");
    private static readonly Localized WhereLabel = new("地点", "Where");
    private static readonly Localized KindLabel = new("类型", "Kind");
    private static readonly Localized AttendButton = new("参加", "Attend");
    private static readonly Localized AbsentButton = new("请假", "Absent");
    private static readonly Localized ChangeToAbsent = new("改为请假", "Change to absent");
    private static readonly Localized ChangeToAttend = new("改为参加", "Change to attend");
    private static readonly Localized PleaseAnswer = new("请告知是否参加：", "Will you attend?");
    private static readonly Localized CancelledBody = new("“{0}”（原定 {1}）已取消，无需参加。", "\"{0}\" ({1}) is cancelled.");

    /// <summary>The reminder with its attend / absent buttons.</summary>
    public static IMessageActivity Reminder(SessionView session, string? locale, OfficeTime office)
        => Summarised(Asking(ReminderTitle, session, locale, office).Text(PleaseAnswer.For(locale)), ReminderTitle, session, locale);

    /// <summary>A changed session, asked afresh.</summary>
    public static IMessageActivity Changed(SessionView session, string? locale, OfficeTime office)
        => Summarised(Asking(ChangedTitle, session, locale, office), ChangedTitle, session, locale);

    /// <summary>A cancelled session: plain text, nothing left to answer.</summary>
    public static IMessageActivity Cancelled(SessionView session, string? locale, OfficeTime office)
        => MessageFactory.Text(CancelledTitle.For(locale) + "\n\n" +
            string.Format(CultureInfo.InvariantCulture, CancelledBody.For(locale), session.Title, SessionTexts.When(session.StartsAt, office)));

    /// <summary>The reminder once answered: the answer given, and only the button that changes it.</summary>
    public static Attachment Answered(SessionView session, bool attends, string? locale, OfficeTime office)
        => Header(ReminderTitle, session, locale, office)
            .Text((attends ? SessionTexts.RsvpAttend : SessionTexts.RsvpAbsent).Format(locale, session.Title))
            .Submit((attends ? ChangeToAbsent : ChangeToAttend).For(locale), SessionRsvp.For(session.Id, !attends))
            .Build();

    private static AdaptiveCardBuilder Asking(Localized title, SessionView session, string? locale, OfficeTime office)
        => Header(title, session, locale, office)
            .Submit(AttendButton.For(locale), SessionRsvp.For(session.Id, attends: true))
            .Submit(AbsentButton.For(locale), SessionRsvp.For(session.Id, attends: false));

    private static AdaptiveCardBuilder Header(Localized title, SessionView session, string? locale, OfficeTime office)
        => new AdaptiveCardBuilder()
            .Title(title.For(locale) + "：" + session.Title)
            .Facts(
                new CardFact(WhenLabel.For(locale), SessionTexts.When(session.StartsAt, office)),
                new CardFact(WhereLabel.For(locale), session.Location),
                new CardFact(KindLabel.For(locale), SessionTexts.KindName(session.Kind)));

    // Teams shows the summary in notifications and the chat list, where a card alone would read "Card".
    private static IMessageActivity Summarised(AdaptiveCardBuilder card, Localized title, SessionView session, string? locale)
    {
        var message = MessageFactory.Attachment(card.Build());
        message.Summary = title.For(locale) + "：" + session.Title;
        return message;
    }
}
