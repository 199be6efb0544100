using Cppcc.Dialogs.Root;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Tests.Root;

public class PlainTextTests
{
    [Theory]
    [InlineData("[请重新登录](https://evil.example)", "\\[请重新登录\\]\\(https\\://evil\\.example\\)")]
    [InlineData("![图](https://evil.example/x.png)", "\\!\\[图\\]\\(https\\://evil\\.example/x\\.png\\)")]
    [InlineData("<at>王干部</at> 请处理", "&lt;at&gt;王干部&lt;/at&gt; 请处理")]
    [InlineData("<a href=\"https://evil.example\">点此</a>", "&lt;a href\\=\"https\\://evil\\.example\"&gt;点此&lt;/a&gt;")]
    [InlineData("请访问 www.evil.com 或 https://evil.com", "请访问 www\\.evil\\.com 或 https\\://evil\\.com")]
    [InlineData("# 标题\n- 列表\n1. 编号", "\\# 标题\n\\- 列表\n1\\. 编号")]
    [InlineData("**粗体** _斜体_ `代码` ~删除~", "\\*\\*粗体\\*\\* \\_斜体\\_ \\`代码\\` \\~删除\\~")]
    [InlineData("普通的中文问题？", "普通的中文问题？")]
    [InlineData(null, "")]
    public void Typed_text_in_a_text_reply_shows_as_typed_and_never_as_a_link_image_or_mention(string? typed, string escaped)
        => Assert.Equal(escaped, PlainText.Markdown(typed));

    [Fact]
    public void Bidirectional_overrides_and_control_characters_are_dropped_but_line_breaks_stay()
    {
        // U+202E would show "moc.live" reversed as "evil.com"; U+0007 is a bell.
        Assert.Equal("甲\n乙\tmoc.live丙", PlainText.Clean("甲\n乙\t\u202Emoc.live\u202C\u0007丙"));
        Assert.Equal("moc\\.live", PlainText.Markdown("\u202Emoc.live"));
    }

    [Fact]
    public void In_a_card_typed_text_is_a_text_run_exactly_as_typed()
    {
        const string Lure = "[请重新登录](https://evil.example)";

        var block = PlainText.Block(Lure);
        var labelled = PlainText.Block("标题：", Lure);

        Assert.Equal("RichTextBlock", (string?)block["type"]);
        var run = (JObject)Assert.Single((JArray)block["inlines"]!);
        Assert.Equal(("TextRun", Lure), ((string?)run["type"], (string?)run["text"]));
        Assert.Equal(["标题：", Lure], ((JArray)labelled["inlines"]!).Select(i => (string?)i["text"]));
        Assert.All((JArray)labelled["inlines"]!, i => Assert.Equal("TextRun", (string?)i["type"]));
    }
}
