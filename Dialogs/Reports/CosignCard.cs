using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Reports;

/// <summary>The invitation a co-author gets in their personal chat, with <c>report.cosign</c> buttons.</summary>
public static class CosignCard
{
    /// <summary>The card action name (docs/contract.md §4).</summary>
    public const string Action = "report.cosign";

    /// <summary>The invitation from <paramref name="authorName"/> to co-sign <paramref name="reference"/>.</summary>
    public static IMessageActivity Build(string reference, string title, string authorName, string? locale)
    {
        var body = new JArray
        {
            MenuCard.TextBlock(JointReportTexts.InviteTitle.For(locale), large: true),
            MenuCard.TextBlock(string.Format(System.Globalization.CultureInfo.InvariantCulture, JointReportTexts.Invite.For(locale),
                ReportFormat.Markdown(authorName), reference, ReportFormat.Markdown(title))),
        };
        JObject Button(Framework.Localized label, string response) => new()
        {
            ["type"] = "Action.Submit", ["title"] = label.For(locale),
            ["data"] = new JObject { ["action"] = Action, ["ref"] = reference, ["response"] = response },
        };
        return MessageFactory.Attachment(MenuCard.AdaptiveCard(body, new JArray { Button(JointReportTexts.Accept, "accept"), Button(JointReportTexts.Decline, "decline") }));
    }
}
