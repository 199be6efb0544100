using Cppcc.Dialogs.Framework.Cards;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Knowledge;

/// <summary>Builds the knowledge-base replies: one message each; answers are one Adaptive Card, other replies text with a card of buttons.</summary>
internal static class KnowledgeCards
{
    /// <summary>
    /// The answer as one Adaptive Card: the answer's Markdown as TextBlocks (line breaks and lists kept), the citation,
    /// related entries as buttons and 有帮助 / 没帮助. Everything sits on the card because Teams does not show suggested
    /// actions on a message with a card, and a text above a card reads as two messages.
    /// </summary>
    public static IMessageActivity Answer(ITurnContext turn, KnowledgeAnswer answer, string question)
    {
        var card = new AdaptiveCardBuilder();
        foreach (var (text, style) in KnowledgeAnswerBlocks.From(answer.Answer.Trim()))
        {
            card.StyledText(text, style);
        }

        if (!string.IsNullOrWhiteSpace(answer.Citation))
        {
            // The source is KB text, not Markdown: a ']' or ')' in it would end the link text and make the rest a target.
            var text = PlainText.Markdown(answer.Citation);
            var source = answer.Url is null ? text : $"[{text}]({PlainText.LinkTarget(answer.Url)})";
            card.StyledText(KnowledgeTexts.Source.Format(turn, source), CardTextStyle.Subtle | CardTextStyle.Small);
        }

        if (answer.Related.Count > 0)
        {
            // kb.show re-checks the caller's role, so a related button never reveals an entry they may not see.
            card.Text(KnowledgeTexts.Related.For(turn))
                .TightButtonRow(answer.Related.Select(r => CardButton.Submit(r.Title, new KnowledgeShow(r.EntryId, r.Title))));
        }

        card.Submit(KnowledgeTexts.Helpful.For(turn), KnowledgeFeedback.For(answer.EntryId, helpful: true, question))
            .Submit(KnowledgeTexts.NotHelpful.For(turn), KnowledgeFeedback.For(answer.EntryId, helpful: false, question));
        var reply = MessageFactory.Attachment(card.Build());
        reply.TextFormat = TextFormatTypes.Markdown;
        return reply;
    }

    /// <summary>Close candidates to pick from (Choose), or near entries plus the staff offer (Suggest).</summary>
    public static IMessageActivity Candidates(ITurnContext turn, KnowledgeResult result, string question)
    {
        var suggest = result.Kind != KnowledgeResultKind.Choose;
        var card = new AdaptiveCardBuilder();
        foreach (var candidate in result.Candidates)
        {
            card.Submit(candidate.Title, new KnowledgeShow(candidate.EntryId, question));
        }

        if (suggest)
        {
            AddHandOff(card, turn, question);
        }

        var reply = MessageFactory.Text((suggest ? KnowledgeTexts.Suggest : KnowledgeTexts.Choose).For(turn));
        reply.Attachments = [card.Build()];
        return reply;
    }

    /// <summary>The honest "no answer" with the one-click hand-off to staff.</summary>
    public static IMessageActivity NoAnswer(ITurnContext turn, string question)
    {
        var reply = MessageFactory.Text(KnowledgeTexts.NoAnswer.For(turn));
        reply.Attachments = [AddHandOff(new AdaptiveCardBuilder(), turn, question).Build()];
        return reply;
    }

    /// <summary>A reply with just the hand-off button (after "没帮助", or when someone asks for a person).</summary>
    public static IMessageActivity WithHandOff(ITurnContext turn, string text, string question)
    {
        var reply = MessageFactory.Text(text);
        if (question.Length > 0)
        {
            reply.Attachments = [AddHandOff(new AdaptiveCardBuilder(), turn, question).Build()];
        }

        return reply;
    }

    private static AdaptiveCardBuilder AddHandOff(AdaptiveCardBuilder card, ITurnContext turn, string question)
        => card.Submit(KnowledgeTexts.AskStaff.For(turn), new KnowledgeHandOff(question));
}
