using Cppcc.Bot.WeChat;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.WeChat;

/// <summary>What a WeChat user reads instead of a card: its text, numbered choices that remember what they send, links written out.</summary>
public sealed class WeChatRenderingTests
{
    [Fact]
    public void A_card_becomes_text_with_numbered_choices_and_written_out_links()
    {
        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = new JArray
            {
                new JObject { ["type"] = "TextBlock", ["text"] = "**政协委员怎样履职？**" },
                new JObject { ["type"] = "FactSet", ["facts"] = new JArray { new JObject { ["title"] = "来源", ["value"] = "区政协章程" } } },
            },
            ["actions"] = new JArray
            {
                new JObject { ["type"] = "Action.Submit", ["title"] = "有帮助", ["data"] = new JObject { ["action"] = "kb.feedback", ["helpful"] = true } },
                new JObject { ["type"] = "Action.OpenUrl", ["title"] = "原文", ["url"] = "https://example.org/zhangcheng" },
            },
        };
        var reply = MessageFactory.Attachment(new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = card });
        var prompt = MessageFactory.SuggestedActions(new List<string> { "是", "否" }, "确认提交吗？", null, null);

        var rendering = WeChatRendering.Of([reply, prompt]);

        Assert.Equal("政协委员怎样履职？\n来源：区政协章程\n1. 有帮助\n原文：https://example.org/zhangcheng\n\n确认提交吗？\n2. 是\n3. 否", rendering.Text);
        Assert.Equal("kb.feedback", (string?)JObject.Parse(rendering.Choices[0].ValueJson!)["action"]);
        Assert.Equal("否", rendering.Choices[2].Text);
    }

    [Fact]
    public void Markdown_written_for_teams_reads_as_plain_text_with_links_written_out()
    {
        // What the KB answer's source line and an escaped user name look like in a reply (PlainText.Markdown, LinkTarget).
        var reply = MessageFactory.Text("来源：[《提案工作条例》\\[2026\\]第3号](https://example.org/rules_%282026%29)\n\n**提交人**：张三\\_1 a&lt;b&gt; &amp;lt; 2026\\-01");

        var rendering = WeChatRendering.Of([reply]);

        Assert.Equal("来源：《提案工作条例》[2026]第3号（https://example.org/rules_%282026%29）\n\n提交人：张三_1 a<b> &lt; 2026-01", rendering.Text);
    }

    [Theory]
    [InlineData(2048)]
    [InlineData(100)]
    public void Split_parts_stay_within_the_byte_limit_and_lose_nothing(int maxBytes)
    {
        var text = string.Concat(Enumerable.Range(1, 300).Select(i => $"第{i}句😀。" + (i % 7 == 0 ? "\n" : "")));

        var parts = WeChatRendering.Split(text, maxBytes);

        Assert.All(parts, p => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(p), 1, maxBytes));
        Assert.Equal(text.Replace("\n", ""), string.Concat(parts).Replace("\n", ""));
    }
}
