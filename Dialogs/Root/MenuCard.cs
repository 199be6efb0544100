using Cppcc.Dialogs.Framework.Cards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Root;

/// <summary>Builds the welcome and main-menu Adaptive Cards from the commands the caller's role may use.</summary>
public static class MenuCard
{
    /// <summary>The wire name of <see cref="MenuCommand"/>: a button that runs a command; its <c>command</c> field holds the word.</summary>
    public const string MenuAction = "menu.command";

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
}
