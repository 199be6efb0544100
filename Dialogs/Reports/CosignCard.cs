using System.Globalization;
using Cppcc.Dialogs.Framework.Cards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Reports;

/// <summary>The invitation a co-author gets in their personal chat, with <see cref="ReportCosign"/> buttons.</summary>
public static class CosignCard
{
    /// <summary>The invitation from <paramref name="authorName"/> to co-sign <paramref name="reference"/>.</summary>
    public static IMessageActivity Build(string reference, string title, string authorName, string? locale)
        => MessageFactory.Attachment(new AdaptiveCardBuilder()
            .Title(JointReportTexts.InviteTitle.For(locale))
            .Text(string.Format(CultureInfo.InvariantCulture, JointReportTexts.Invite.For(locale),
                ReportFormat.Markdown(authorName), reference, ReportFormat.Markdown(title)))
            .Submit(JointReportTexts.Accept.For(locale), new ReportCosign(reference, ReportCosign.Accept))
            .Submit(JointReportTexts.Decline.For(locale), new ReportCosign(reference, ReportCosign.Decline))
            .Build());
}
