using Cppcc.Dialogs.Framework.Cards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Root;

/// <summary>
/// The help card for a role: what the bot does for it, examples to type and how to reach staff. Unlike the menu it
/// explains; its one button opens the menu.
/// </summary>
public static class HelpCard
{
    /// <summary>Help for <paramref name="role"/>.</summary>
    public static IMessageActivity Build(ITurnContext turn, Role role)
    {
        var (what, examples, reach) = role switch
        {
            Role.Staff => (HelpTexts.StaffWhat, HelpTexts.StaffExamples, HelpTexts.StaffReach),
            Role.Member => (HelpTexts.MemberWhat, HelpTexts.MemberExamples, HelpTexts.ReachStaff),
            _ => (HelpTexts.PublicWhat, HelpTexts.PublicExamples, HelpTexts.ReachStaff),
        };
        var card = new AdaptiveCardBuilder()
            .Title(HelpTexts.Title.For(turn))
            .Text(HelpTexts.WhatHeader.For(turn), subtle: true)
            .Text(what.For(turn))
            .Text(HelpTexts.ExamplesHeader.For(turn), subtle: true)
            .Text(examples.For(turn))
            .Text(HelpTexts.StaffHeader.For(turn), subtle: true)
            .Text(reach.For(turn))
            .Submit(HelpTexts.MenuButton.For(turn), new MenuCommand(RootTexts.MenuWords[0]));
        return MessageFactory.Attachment(card.Build());
    }
}
