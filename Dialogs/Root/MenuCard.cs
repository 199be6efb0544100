using Cppcc.Dialogs.Framework;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Root;

/// <summary>Builds the welcome and main-menu Adaptive Cards from the commands the caller's role may use.</summary>
public static class MenuCard
{
    /// <summary>Card action that runs a menu command; its <c>command</c> field holds the command word.</summary>
    public const string MenuAction = "menu.command";

    /// <summary>The Adaptive Card content type.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The main menu for <paramref name="role"/>.</summary>
    public static IMessageActivity Build(ITurnContext turn, IEnumerable<ITextCommand> commands, Role role, bool welcome)
    {
        var body = new JArray();
        if (welcome)
        {
            var isPublic = role == Role.Public;
            body.Add(TextBlock((isPublic ? RootTexts.PublicWelcomeTitle : RootTexts.WelcomeTitle).For(turn), large: true));
            body.Add(TextBlock((isPublic ? RootTexts.PublicWelcomeBody : RootTexts.WelcomeBody).For(turn)));
        }
        else
        {
            body.Add(TextBlock(RootTexts.MenuTitle.For(turn), large: true));
        }

        body.Add(TextBlock(RootTexts.MenuHint.For(turn), subtle: true));
        var actions = new JArray(commands
            .Where(c => c.Menu is not null && role >= c.MinimumRole && role >= c.Menu.ShownFrom)
            .OrderBy(c => c.Menu!.Order)
            .Select(c => new JObject
            {
                ["type"] = "Action.Submit",
                ["title"] = c.Menu!.Title.For(turn),
                ["data"] = new JObject { ["action"] = MenuAction, ["command"] = c.Words[0] },
            }));
        return MessageFactory.Attachment(AdaptiveCard(body, actions));
    }

    /// <summary>Wraps body elements and actions into an Adaptive Card 1.5 attachment.</summary>
    public static Attachment AdaptiveCard(JArray body, JArray? actions = null)
    {
        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
        if (actions is { Count: > 0 })
        {
            card["actions"] = actions;
        }

        return new Attachment { ContentType = AdaptiveCardContentType, Content = card };
    }

    /// <summary>A wrapping TextBlock (plain text: cards never render user HTML).</summary>
    public static JObject TextBlock(string text, bool large = false, bool subtle = false)
    {
        var block = new JObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (large)
        {
            block["size"] = "Large";
            block["weight"] = "Bolder";
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        return block;
    }
}
