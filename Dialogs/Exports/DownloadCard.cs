using System.Globalization;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Exports;

/// <summary>A card with one download button and the time its link expires (Teams accepts links, not inline files).</summary>
public static class DownloadCard
{
    private static readonly Localized Download = new("下载 CSV", "Download CSV");
    private static readonly Localized Expires = new("下载链接仅限工作人员使用，{0} 前有效。", "The link works for staff only, until {0}.");

    /// <summary>The card for <paramref name="link"/>.</summary>
    public static Attachment Create(ITurnContext turn, DownloadLink link)
    {
        var until = OfficeClock.Local(link.ExpiresAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var body = new JArray { MenuCard.TextBlock(Expires.Format(turn, until), subtle: true) };
        var actions = new JArray { new JObject { ["type"] = "Action.OpenUrl", ["title"] = Download.For(turn), ["url"] = link.Url } };
        return MenuCard.AdaptiveCard(body, actions);
    }
}
