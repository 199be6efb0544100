using System.Globalization;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Broadcasts;

/// <summary>The notice members get, the staff's progress card and the final summary (zh-CN first).</summary>
public static class BroadcastCards
{
    private const int SummaryLength = 60;

    private static readonly Localized Heading = new("区政协通知", "CPPCC notice");
    private static readonly Localized DefaultLinkTitle = new("查看详情", "Details");
    private static readonly Localized ProgressTitle = new("通知 {0} 发送进度", "Notice {0}: progress");
    private static readonly Localized DoneTitle = new("通知 {0} 已发送完毕", "Notice {0}: finished");
    private static readonly Localized SentLabel = new("已送达", "Delivered");
    private static readonly Localized FailedLabel = new("失败", "Failed");
    private static readonly Localized PendingLabel = new("待发送", "Pending");
    private static readonly Localized TotalLabel = new("共计", "Total");
    private static readonly Localized Summary = new("通知 {0} 发送完毕：共 {1} 人，已送达 {2}，失败 {3}。输入“通知结果 {0}”可导出逐人结果（CSV）。",
        "Notice {0} finished: {1} recipients, {2} delivered, {3} failed. Type \"broadcast report {0}\" for per-recipient results (CSV).");

    /// <summary>The notice as a member receives it, with its link as a button.</summary>
    public static IMessageActivity Notice(BroadcastRequest notice, string? locale)
    {
        var card = new AdaptiveCardBuilder().Title(Heading.For(locale)).Text(notice.Text);
        if (notice.Link is { Length: > 0 } link)
        {
            card.OpenUrl(notice.LinkTitle is { Length: > 0 } title ? title : DefaultLinkTitle.For(locale), link);
        }

        var message = MessageFactory.Attachment(card.Build());
        // Notification text for clients that show no card (and for the Teams activity feed).
        message.Summary = notice.Text.Length > SummaryLength ? notice.Text[..SummaryLength] + "…" : notice.Text;
        return message;
    }

    /// <summary>The sender's progress card, updated in place while the broadcast runs.</summary>
    public static IMessageActivity Progress(string broadcastId, BroadcastCounts counts, string? locale, bool done)
        => MessageFactory.Attachment(new AdaptiveCardBuilder()
            .Title((done ? DoneTitle : ProgressTitle).Format(locale, broadcastId))
            .Facts(
                Fact(SentLabel, counts.Sent, locale),
                Fact(FailedLabel, counts.Failed, locale),
                Fact(PendingLabel, counts.Pending, locale),
                Fact(TotalLabel, counts.Total, locale))
            .Build());

    /// <summary>The summary sent to the sender once every recipient has an outcome.</summary>
    public static IMessageActivity SummaryText(string broadcastId, BroadcastCounts counts, string? locale)
        => MessageFactory.Text(Summary.Format(locale, broadcastId, counts.Total, counts.Sent, counts.Failed));

    private static CardFact Fact(Localized label, int value, string? locale)
        => new(label.For(locale), value.ToString(CultureInfo.InvariantCulture));
}
