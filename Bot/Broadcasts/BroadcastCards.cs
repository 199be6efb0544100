using Cppcc.Bot.Delivery;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Broadcasts;

/// <summary>Counts of a broadcast's deliveries as people read them.</summary>
public sealed record BroadcastCounts(int Sent, int Failed, int Pending)
{
    public static BroadcastCounts From(IReadOnlyDictionary<DeliveryState, int> states)
    {
        int Of(DeliveryState s) => states.TryGetValue(s, out var n) ? n : 0;
        return new BroadcastCounts(Of(DeliveryState.Sent),
            Of(DeliveryState.Failed) + Of(DeliveryState.Blocked) + Of(DeliveryState.DeadLetter) + Of(DeliveryState.Cancelled),
            Of(DeliveryState.Pending) + Of(DeliveryState.Sending));
    }

    public int Total => Sent + Failed + Pending;

    public override string ToString() => $"{Sent}/{Failed}/{Pending}";
}

/// <summary>The notice members get, the staff's progress card and the final summary (zh-CN first).</summary>
public static class BroadcastCards
{
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

    public static IMessageActivity Notice(Broadcast broadcast, string? locale)
    {
        var body = new JArray
        {
            MenuCard.TextBlock(Heading.For(locale), large: true),
            MenuCard.TextBlock(broadcast.Text),
        };
        var actions = broadcast.Link is null ? null : new JArray
        {
            new JObject { ["type"] = "Action.OpenUrl", ["title"] = broadcast.LinkTitle ?? DefaultLinkTitle.For(locale), ["url"] = broadcast.Link },
        };
        var message = MessageFactory.Attachment(MenuCard.AdaptiveCard(body, actions));
        // Notification text for clients that show no card (and for the Teams activity feed).
        message.Summary = broadcast.Text.Length > 60 ? broadcast.Text[..60] + "…" : broadcast.Text;
        return message;
    }

    public static IMessageActivity Progress(Broadcast broadcast, BroadcastCounts counts, string? locale, bool done)
    {
        var title = (done ? DoneTitle : ProgressTitle).For(locale).Replace("{0}", broadcast.Id, StringComparison.Ordinal);
        var facts = new JArray
        {
            Fact(SentLabel.For(locale), counts.Sent),
            Fact(FailedLabel.For(locale), counts.Failed),
            Fact(PendingLabel.For(locale), counts.Pending),
            Fact(TotalLabel.For(locale), counts.Total),
        };
        var body = new JArray { MenuCard.TextBlock(title, large: true), new JObject { ["type"] = "FactSet", ["facts"] = facts } };
        return MessageFactory.Attachment(MenuCard.AdaptiveCard(body));
    }

    public static IMessageActivity SummaryText(Broadcast broadcast, BroadcastCounts counts, string? locale)
        => MessageFactory.Text(string.Format(System.Globalization.CultureInfo.InvariantCulture, Summary.For(locale),
            broadcast.Id, counts.Total, counts.Sent, counts.Failed));

    private static JObject Fact(string title, int value) => new() { ["title"] = title, ["value"] = value.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
