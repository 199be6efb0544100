using Cppcc.Dialogs.Tests.Framework;
using Cppcc.Dialogs.Tests.Support;

namespace Cppcc.Dialogs.Tests.SmallTalk;

public class SmallTalkTests
{
    /// <summary>
    /// One message, in a fresh conversation from a client in <paramref name="Locale"/>, and a text its reply must contain.
    /// With <paramref name="ChoseEnglish"/> the user first said "English": a client's locale alone never switches the
    /// language.
    /// </summary>
    public sealed record Exchange(string Said, string Locale, string ReplyContains, bool ChoseEnglish = false);

    public static TheoryData<Exchange> Exchanges =>
    [
        new("你好", "zh-CN", "欢迎使用区政协委员助手"),
        new("您好！", "zh-CN", "欢迎使用区政协委员助手"),
        new("谢谢", "zh-CN", "不客气"),
        new("谢谢！", "zh-CN", "不客气"),
        new("再见", "zh-CN", "再见"),
        new("你是谁", "zh-CN", "区政协的智能助手"),
        new("你是谁？", "zh-CN", "区政协的智能助手"),
        new("你能做什么", "zh-CN", "我能做的事如下"),
        new("人工", "zh-CN", "转交工作人员"),
        new("转人工", "zh-CN", "转交区政协工作人员"),
        new("好的", "zh-CN", "还有问题随时问我"),
        new("嗯嗯。", "zh-CN", "还有问题随时问我"),
        new("收到", "zh-CN", "还有问题随时问我"),
        new("哈哈", "zh-CN", "还有问题随时问我"),
        new("OK", "en-US", "Ask me anything else", ChoseEnglish: true),
        new("不行", "zh-CN", "没能帮上忙"),
        new("你说的不对！", "zh-CN", "转交工作人员"),
        new("答非所问", "zh-CN", "换个说法再问"),
        new("👍", "zh-CN", "没太明白您的意思"),
        new("？？？", "zh-CN", "没太明白您的意思"),
        new("1", "zh-CN", "没太明白您的意思"),
        new("谢谢", "en-US", "不客气"),
        new("thanks", "en-US", "You're welcome", ChoseEnglish: true),
        new("Who are you?", "en-US", "District CPPCC assistant", ChoseEnglish: true),
    ];

    [Theory]
    [MemberData(nameof(Exchanges))]
    public async Task Small_talk_gets_a_fitting_reply_and_never_goes_to_the_knowledge_base(Exchange exchange)
    {
        var host = new DialogTestHost();

        var flow = host.Flow(locale: exchange.Locale);
        if (exchange.ChoseEnglish)
        {
            flow = flow.Send("English").AssertReply(a => Assert.Contains("English", WaterfallDialogTests.ReplyText(a)));
        }

        await flow.Send(exchange.Said)
            .AssertReply(a => Assert.Contains(exchange.ReplyContains, WaterfallDialogTests.ReplyText(a)))
            .StartTestAsync();

        Assert.Empty(host.Knowledge.Asked);
        Assert.Empty(host.Inbox.Unanswered);
    }

    [Fact]
    public async Task Only_the_first_greeting_gets_the_welcome_card()
    {
        var host = new DialogTestHost();

        await host.Flow()
            .Send("你好").AssertReply(a => Assert.Contains("欢迎使用区政协委员助手", WaterfallDialogTests.ReplyText(a)))
            .Send("你好").AssertReply(a => Assert.Equal("您好！请直接输入您的问题，或输入“菜单”查看可用功能。", a.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task Asking_for_a_person_offers_the_staff_hand_off_button()
    {
        var host = new DialogTestHost();

        await host.Flow().Send("人工").AssertReply(a =>
        {
            var card = WaterfallDialogTests.ReplyText(a);
            Assert.Contains("kb.handoff", card);
            Assert.Contains("转交工作人员", card);
        }).StartTestAsync();
    }

    [Theory]
    [InlineData("你好，提案怎么写")]
    [InlineData("谢谢你们的答复，请问学习安排在哪看")]
    public async Task A_question_that_opens_with_a_greeting_is_still_a_question(string question)
    {
        var host = new DialogTestHost();

        await host.Flow().Send(question).AssertReply(_ => { }).StartTestAsync();

        Assert.Equal([question], host.Knowledge.Asked);
    }
}
