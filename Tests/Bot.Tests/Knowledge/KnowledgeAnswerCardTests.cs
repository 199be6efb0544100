using Cppcc.Bot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Knowledge;

/// <summary>A knowledge-base answer as Teams and Web Chat receive it: one Adaptive Card that reads like the entry.</summary>
public class KnowledgeAnswerCardTests : IAsyncLifetime
{
    private const string StaffAad = "aad-staff-1";
    private readonly TempDatabase _db = new();
    private ConnectorStub _connector = null!;

    public async Task InitializeAsync() => _connector = await ConnectorStub.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        _db.Dispose();
    }

    private BotFactory Factory() => new(_db, new Dictionary<string, string?>
    {
        ["Staff:UserIds:0"] = StaffAad,
        ["KnowledgeBase:Path"] = Path.Combine(BotFactory.RepositoryRoot, "kb"),
        ["KnowledgeBase:ExportPath"] = Path.Combine(_db.Folder, "export"),
    });

    private JObject Member(string text) => Via(BotFactory.TeamsMessage(text));

    private JObject Staff(string text) => Via(BotFactory.TeamsMessage(text, "29:staff-1", StaffAad, "a:staff-1"));

    private JObject Via(JObject activity)
    {
        activity["serviceUrl"] = _connector.ServiceUrl;
        return activity;
    }

    private static JObject Click(JObject activity, JObject value)
    {
        activity["text"] = null;
        activity["value"] = value;
        return activity;
    }

    private static JObject Card(JToken reply) => (JObject)Assert.Single((JArray)reply["attachments"]!)["content"]!;

    private static List<string> TextBlocks(JObject card)
        => card.SelectTokens("$.body[?(@.type == 'TextBlock')].text").Select(t => (string)t!).ToList();

    [Fact]
    public async Task An_answer_is_one_card_with_its_lines_citation_related_buttons_and_feedback_and_no_suggested_actions()
    {
        using var factory = Factory();
        var client = factory.CreateClient();

        var reply = Assert.Single(await BotFactory.SendAsync(client, Member("集中学习多久组织一次？")));

        Assert.True(string.IsNullOrEmpty((string?)reply["text"]), "the answer is on the card, not also above it");
        Assert.Null(reply["suggestedActions"]);
        var card = Card(reply);
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        var blocks = TextBlocks(card);
        // The entry's two lines stay two lines: a single "\n" inside one TextBlock would render as a space in Teams.
        Assert.Contains(blocks, b => b.StartsWith("区政协**每月组织一次集中学习**", StringComparison.Ordinal) && !b.Contains("每次学习的时间", StringComparison.Ordinal));
        Assert.Contains(blocks, b => b.StartsWith("每次学习的时间和地点会提前通知", StringComparison.Ordinal));
        Assert.Contains("来源：区政协年度工作思路", blocks);

        var feedback = (JArray)card["actions"]!;
        Assert.Equal(["有帮助", "没帮助"], feedback.Select(b => (string?)b["title"]));
        Assert.All(feedback, b => Assert.Equal("kb.feedback", (string?)b["data"]!["action"]));
        Assert.Equal("study-monthly", (string?)feedback[0]!["data"]!["id"]);

        var related = card.SelectTokens("$.body[?(@.type == 'ActionSet')].actions[*]").Cast<JObject>().ToList();
        var lecture = Assert.Single(related, r => (string?)r["title"] == "专题讲座多久举办一次？");
        Assert.Equal("Action.Submit", (string?)lecture["type"]);
        Assert.Equal("kb.show", (string?)lecture["data"]!["action"]);

        var shown = Assert.Single(await BotFactory.SendAsync(client, Click(Member(""), (JObject)lecture["data"]!)));
        Assert.Contains(TextBlocks(Card(shown)), b => b.StartsWith("来源：", StringComparison.Ordinal));
        Assert.DoesNotContain(TextBlocks(Card(shown)), b => b.Contains("每月组织一次集中学习", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Markdown_paragraphs_and_lists_become_blocks_that_Teams_renders_as_written()
    {
        using var factory = Factory();
        var client = factory.CreateClient();
        var save = new JObject
        {
            ["action"] = "kb.save",
            ["id"] = "visit-steps",
            ["questions"] = "怎么预约参观政协大楼？",
            ["source"] = "区政协办公室",
            ["url"] = "",
            ["audience"] = "public",
            ["tags"] = "参观",
            ["related"] = "",
            ["answer"] = "## 预约步骤\n预约分**三步**：\n\n* 打电话登记\n* 填写来访表\n\n1. 周一至周五受理\n2. 提前一周\n最后一行说明。",
        };
        Assert.Contains("已保存", BotFactory.ReadableText(Assert.Single(await BotFactory.SendAsync(client, Click(Staff(""), save)))));

        var card = Card(Assert.Single(await BotFactory.SendAsync(client, Member("怎么预约参观政协大楼？"))));

        var blocks = card.SelectTokens("$.body[?(@.type == 'TextBlock')]").Cast<JObject>().ToList();
        Assert.Equal(
            ["预约步骤", "预约分**三步**：", "- 打电话登记\n- 填写来访表", "1. 周一至周五受理\n2. 提前一周", "最后一行说明。", "来源：区政协办公室"],
            blocks.Select(b => (string?)b["text"]));
        Assert.Equal("Bolder", (string?)blocks[0]["weight"]);
        // A line that continues its paragraph follows without a gap; a new paragraph keeps the card's spacing.
        Assert.Equal("None", (string?)blocks[1]["spacing"]);
        Assert.Null(blocks[2]["spacing"]);
        Assert.Equal("None", (string?)blocks[4]["spacing"]);
    }
}
