using Cppcc.Dialogs.Framework.Cards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Root;

/// <summary>Builds the welcome and main-menu Adaptive Cards from the commands the caller's role may use.</summary>
public static class MenuCard
{
    /// <summary>The wire name of <see cref="MenuCommand"/>: a button that runs a command; its <c>command</c> field holds the word.</summary>
    public const string MenuAction = "menu.command";

    /// <summary>The Adaptive Card content type.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The main menu for <paramref name="role"/>.</summary>
    public static IMessageActivity Build(ITurnContext turn, IEnumerable<ITextCommand> commands, Role role, bool welcome)
    {
        var card = new AdaptiveCardBuilder();
        if (welcome)
        {
            var isPublic = role == Role.Public;
            card.Title((isPublic ? RootTexts.PublicWelcomeTitle : RootTexts.WelcomeTitle).For(turn))
                .Text((isPublic ? RootTexts.PublicWelcomeBody : RootTexts.WelcomeBody).For(turn));
        }
        else
        {
            card.Title(RootTexts.MenuTitle.For(turn));
        }

        card.Text(RootTexts.MenuHint.For(turn), subtle: true);
        foreach (var command in commands
            .Where(c => c.Menu is not null && role >= c.MinimumRole && role >= c.Menu.ShownFrom)
            .OrderBy(c => c.Menu!.Order))
        {
            card.Submit(command.Menu!.Title.For(turn), new MenuCommand(command.Words[0]));
        }

        return MessageFactory.Attachment(card.Build());
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
