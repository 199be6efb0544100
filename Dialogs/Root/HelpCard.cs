using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

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
        var body = new JArray
        {
            MenuCard.TextBlock(HelpTexts.Title.For(turn), large: true),
            MenuCard.TextBlock(HelpTexts.WhatHeader.For(turn), subtle: true),
            MenuCard.TextBlock(what.For(turn)),
            MenuCard.TextBlock(HelpTexts.ExamplesHeader.For(turn), subtle: true),
            MenuCard.TextBlock(examples.For(turn)),
            MenuCard.TextBlock(HelpTexts.StaffHeader.For(turn), subtle: true),
            MenuCard.TextBlock(reach.For(turn)),
        };
        var actions = new JArray
        {
            new JObject
            {
                ["type"] = "Action.Submit",
                ["title"] = HelpTexts.MenuButton.For(turn),
                ["data"] = new JObject { ["action"] = MenuCard.MenuAction, ["command"] = RootTexts.MenuWords[0] },
            },
        };
        return MessageFactory.Attachment(MenuCard.AdaptiveCard(body, actions));
    }
}
