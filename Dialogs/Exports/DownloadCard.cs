using System.Globalization;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Exports;

/// <summary>A card with one download button and the time its link expires (Teams accepts links, not inline files).</summary>
public static class DownloadCard
{
    private static readonly Localized Download = new("下载 CSV", "Download CSV");
    private static readonly Localized Expires = new("下载链接仅限工作人员使用，{0} 前有效。", "The link works for staff only, until {0}.");

    /// <summary>The card for <paramref name="link"/>.</summary>
    public static Attachment Create(ITurnContext turn, DownloadLink link, OfficeTime office)
        => new AdaptiveCardBuilder()
            .Text(Expires.Format(turn, Until(link, office)), subtle: true)
            .OpenUrl(Download.For(turn), link.Url)
            .Build();

    /// <summary>When <paramref name="link"/> stops working, in the office's time zone, as the cards show it.</summary>
    public static string Until(DownloadLink link, OfficeTime office)
        => office.Local(link.ExpiresAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
