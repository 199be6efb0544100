using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Sessions;

/// <summary>The reminder card once answered: the session, the answer given, and only the button that changes it.</summary>
public static class RsvpCard
{
    private static readonly Localized AnsweredTitle = new("学习提醒", "Session reminder");
    private static readonly Localized WhenLabel = new("时间", "When");
    private static readonly Localized WhereLabel = new("地点", "Where");
    private static readonly Localized ChangeToAbsent = new("改为请假", "Change to absent");
    private static readonly Localized ChangeToAttend = new("改为参加", "Change to attend");

    /// <summary>The answered reminder for <paramref name="session"/>.</summary>
    public static Attachment Build(ITurnContext turn, SessionView session, bool attends)
    {
        var body = new JArray
        {
            MenuCard.TextBlock(AnsweredTitle.For(turn) + "：" + session.Title, large: true),
            new JObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JArray
                {
                    new JObject { ["title"] = WhenLabel.For(turn), ["value"] = SessionTexts.When(session.StartsAt) },
                    new JObject { ["title"] = WhereLabel.For(turn), ["value"] = session.Location },
                },
            },
            MenuCard.TextBlock((attends ? SessionTexts.RsvpAttend : SessionTexts.RsvpAbsent).Format(turn, session.Title)),
        };
        var actions = new JArray
        {
            new JObject
            {
                ["type"] = "Action.Submit",
                ["title"] = (attends ? ChangeToAbsent : ChangeToAttend).For(turn),
                ["data"] = new JObject { ["action"] = "session.rsvp", ["sessionId"] = session.Id, ["response"] = attends ? "absent" : "attend" },
            },
        };
        return MenuCard.AdaptiveCard(body, actions);
    }
}
