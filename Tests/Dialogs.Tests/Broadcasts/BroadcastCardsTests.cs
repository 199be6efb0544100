using Cppcc.Dialogs.Broadcasts;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Tests.Broadcasts;

public class BroadcastCardsTests
{
    private static JObject Card(Microsoft.Bot.Schema.IMessageActivity message)
        => (JObject)Assert.Single(message.Attachments).Content;

    [Fact]
    public void A_notice_with_a_link_shows_it_as_a_button_and_a_long_notice_is_cut_in_the_summary()
    {
        var text = new string('议', 70);
        var message = BroadcastCards.Notice(new BroadcastRequest(text, "all", "https://example.org/a"), "zh-CN");

        var card = Card(message);
        Assert.Equal(["区政协通知", text], card["body"]!.Select(b => (string?)b["text"]));
        var button = Assert.Single(card["actions"]!);
        Assert.Equal(("Action.OpenUrl", "查看详情", "https://example.org/a"), ((string?)button["type"], (string?)button["title"], (string?)button["url"]));
        Assert.Equal(new string('议', 60) + "…", message.Summary);
    }

    [Fact]
    public void A_notice_without_a_link_has_no_button_and_its_own_title_otherwise()
    {
        Assert.Null(Card(BroadcastCards.Notice(new BroadcastRequest("短通知", "all"), "zh-CN"))["actions"]);

        var titled = Card(BroadcastCards.Notice(new BroadcastRequest("短通知", "all", "https://example.org/b", "议程"), "en-US"));
        Assert.Equal("CPPCC notice", (string?)titled["body"]![0]!["text"]);
        Assert.Equal("议程", (string?)titled["actions"]![0]!["title"]);
    }

    [Fact]
    public void The_progress_card_shows_each_count_and_the_total_and_says_when_it_is_done()
    {
        var card = Card(BroadcastCards.Progress("TZ-2026-0001", new BroadcastCounts(Sent: 2, Failed: 1, Pending: 3), "zh-CN", done: true));

        Assert.Equal("通知 TZ-2026-0001 已发送完毕", (string?)card["body"]![0]!["text"]);
        var facts = card["body"]![1]!["facts"]!.Select(f => ((string?)f["title"], (string?)f["value"]));
        Assert.Equal([("已送达", "2"), ("失败", "1"), ("待发送", "3"), ("共计", "6")], facts);
        Assert.Equal("通知 TZ-2026-0001 发送进度", (string?)Card(BroadcastCards.Progress("TZ-2026-0001", new(0, 0, 6), "zh-CN", done: false))["body"]![0]!["text"]);
    }
}
