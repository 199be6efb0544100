using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Cppcc.Dialogs.Knowledge;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Tests.Knowledge;

/// <summary>
/// The kb.* card actions as cards already in users' chats send them: the records must build and read exactly these
/// names, or old buttons and the acceptance checks stop working.
/// </summary>
public class KnowledgeSubmitsTests
{
    private static readonly OfficeTime Office = new(TimeProvider.System, OfficeSettings.Default);

    private static ITurnContext Turn() => new TurnContext(new TestAdapter(), new Activity(ActivityTypes.Message) { Locale = "zh-CN" });

    private static JObject Content(IMessageActivity message) => (JObject)message.Attachments[0].Content;

    private static List<JObject> SubmitData(JObject card)
        => card.SelectTokens("$..[?(@.type == 'Action.Submit')].data").Cast<JObject>().ToList();

    public static TheoryData<string, JObject> Sent => new()
    {
        { """{"action":"kb.show","id":"study-monthly","question":"学习多久一次"}""", CardSubmit.Data(new KnowledgeShow("study-monthly", "学习多久一次")) },
        { """{"action":"kb.feedback","id":"study-monthly","helpful":"false","question":"学习"}""", CardSubmit.Data(KnowledgeFeedback.For("study-monthly", false, "学习")) },
        { """{"action":"kb.handoff","question":"停车难"}""", CardSubmit.Data(new KnowledgeHandOff("停车难")) },
        { """{"action":"kb.reply","ticket":"KB-1"}""", CardSubmit.Data(new KnowledgeReply("KB-1", null)) },
        { """{"action":"kb.promote","question":"停车难"}""", CardSubmit.Data(new KnowledgePromote("停车难", null)) },
        { """{"action":"kb.save"}""", CardSubmit.Data(KnowledgeSave.FromInputs) },
    };

    [Theory]
    [MemberData(nameof(Sent))]
    public void A_button_sends_the_names_cards_have_always_sent(string expected, JObject sent)
        => Assert.True(JToken.DeepEquals(JObject.Parse(expected), sent), sent.ToString());

    [Fact]
    public void Submits_as_cards_post_them_read_into_the_records()
    {
        var save = CardSubmit.Read<KnowledgeSave>(JObject.Parse(
            """{"action":"kb.save","id":"visit","questions":"怎么参观？","answer":"预约","source":"办公室","url":"","audience":"public","tags":"参观","related":"a, b"}"""), Office);
        var feedback = CardSubmit.Read<KnowledgeFeedback>(JObject.Parse("""{"action":"kb.feedback","id":"x","helpful":true,"question":"q"}"""), Office);

        Assert.Equal(new KnowledgeSave("visit", "怎么参观？", "预约", "办公室", "", "public", "参观", "a, b"), save);
        Assert.True(feedback.IsHelpful);
        Assert.Equal(new KnowledgeReply("KB-2", "已答复"), CardSubmit.Read<KnowledgeReply>(JObject.Parse("""{"ticket":"KB-2","answer":"已答复"}"""), Office));
        Assert.Equal(new KnowledgePromote("q", "a"), CardSubmit.Read<KnowledgePromote>(JObject.Parse("""{"question":"q","answer":"a"}"""), Office));
    }

    [Fact]
    public void The_entry_editor_has_one_input_per_field_kb_save_reads()
    {
        var card = Content(KnowledgeStaffCards.Editor(Turn(), new KnowledgeDraft { Id = "visit", Audience = "public" }));

        var inputs = card.SelectTokens("$.body[?(@.id)]").Select(i => (string)i["id"]!).ToList();
        Assert.Equal(["id", "questions", "answer", "source", "url", "audience", "tags", "related"], inputs);
        Assert.Equal("kb.save", (string?)Assert.Single(SubmitData(card))["action"]);
        Assert.Equal("visit", (string?)card.SelectToken("$.body[?(@.id == 'id')].value"));
    }

    [Fact]
    public void A_ticket_card_answers_with_its_ticket_and_the_typed_answer()
    {
        var card = Content(KnowledgeStaffCards.Ticket("zh-CN", "KB-7", "停车难怎么办", "张三", Role.Public));

        Assert.NotNull(card.SelectToken("$.body[?(@.id == 'answer')]"));
        var buttons = SubmitData(card);
        Assert.True(JToken.DeepEquals(JObject.Parse("""{"action":"kb.reply","ticket":"KB-7"}"""), buttons[0]), buttons[0].ToString());
        Assert.True(JToken.DeepEquals(JObject.Parse("""{"action":"kb.promote","question":"停车难怎么办","audience":"public"}"""), buttons[1]), buttons[1].ToString());
        // The asker's words are runs of a RichTextBlock, never parsed as Markdown.
        var userText = card.SelectTokens("$.body[?(@.type == 'RichTextBlock')].inlines[*].text").Select(t => (string)t!).ToList();
        Assert.Equal(["停车难怎么办", "提问人：张三（公众）"], userText);
        Assert.DoesNotContain(card.SelectTokens("$.body[?(@.type == 'TextBlock')].text"), t => ((string)t!).Contains("张三", StringComparison.Ordinal));
    }

    [Fact]
    public void Menu_and_help_buttons_send_menu_command_with_the_command_word()
    {
        var help = Content(HelpCard.Build(Turn(), Role.Member));

        Assert.True(JToken.DeepEquals(JObject.Parse("""{"action":"menu.command","command":"菜单"}"""), Assert.Single(SubmitData(help))));
        Assert.Equal("menu.command", MenuCard.MenuAction);
        Assert.Equal("资料", CardSubmit.Read<MenuCommand>(JObject.Parse("""{"action":"menu.command","command":"资料"}"""), Office).Command);
    }
}
