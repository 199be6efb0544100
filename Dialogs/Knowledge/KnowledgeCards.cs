using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

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
        var body = KnowledgeAnswerBlocks.From(answer.Answer.Trim());
        if (!string.IsNullOrWhiteSpace(answer.Citation))
        {
            var source = answer.Url is null ? answer.Citation : $"[{answer.Citation}]({answer.Url})";
            var citation = MenuCard.TextBlock(KnowledgeTexts.Source.Format(turn, source), subtle: true);
            citation["size"] = "Small";
            body.Add(citation);
        }

        if (answer.Related.Count > 0)
        {
            body.Add(MenuCard.TextBlock(KnowledgeTexts.Related.For(turn)));
            body.Add(new JObject
            {
                ["type"] = "ActionSet",
                ["spacing"] = "None",
                // kb.show re-checks the caller's role, so a related button never reveals an entry they may not see.
                ["actions"] = new JArray(answer.Related.Select(r => Submit(r.Title, KnowledgeActionNames.Show, new JObject { ["id"] = r.EntryId, ["question"] = r.Title }))),
            });
        }

        var buttons = new JArray
        {
            Submit(KnowledgeTexts.Helpful.For(turn), KnowledgeActionNames.Feedback, new JObject { ["id"] = answer.EntryId, ["helpful"] = "true", ["question"] = question }),
            Submit(KnowledgeTexts.NotHelpful.For(turn), KnowledgeActionNames.Feedback, new JObject { ["id"] = answer.EntryId, ["helpful"] = "false", ["question"] = question }),
        };
        var reply = MessageFactory.Attachment(MenuCard.AdaptiveCard(body, buttons));
        reply.TextFormat = TextFormatTypes.Markdown;
        return reply;
    }

    /// <summary>Close candidates to pick from (Choose), or near entries plus the staff offer (Suggest).</summary>
    public static IMessageActivity Candidates(ITurnContext turn, KnowledgeResult result, string question)
    {
        var suggest = result.Kind != KnowledgeResultKind.Choose;
        var buttons = new JArray(result.Candidates.Select(c => Submit(c.Title, KnowledgeActionNames.Show, new JObject { ["id"] = c.EntryId, ["question"] = question })));
        if (suggest)
        {
            buttons.Add(HandOffButton(turn, question));
        }

        var intro = suggest ? KnowledgeTexts.Suggest : KnowledgeTexts.Choose;
        var reply = MessageFactory.Text(intro.For(turn));
        reply.Attachments = [MenuCard.AdaptiveCard([], buttons)];
        return reply;
    }

    /// <summary>The honest "no answer" with the one-click hand-off to staff.</summary>
    public static IMessageActivity NoAnswer(ITurnContext turn, string question)
    {
        var reply = MessageFactory.Text(KnowledgeTexts.NoAnswer.For(turn));
        reply.Attachments = [MenuCard.AdaptiveCard([], [HandOffButton(turn, question)])];
        return reply;
    }

    /// <summary>A reply with just the hand-off button (after "没帮助").</summary>
    public static IMessageActivity WithHandOff(ITurnContext turn, string text, string question)
    {
        var reply = MessageFactory.Text(text);
        if (question.Length > 0)
        {
            reply.Attachments = [MenuCard.AdaptiveCard([], [HandOffButton(turn, question)])];
        }

        return reply;
    }

    public static JObject HandOffButton(ITurnContext turn, string question)
        => Submit(KnowledgeTexts.AskStaff.For(turn), KnowledgeActionNames.HandOff, new JObject { ["question"] = question });

    public static JObject Submit(string title, string action, JObject data)
    {
        data["action"] = action;
        return new JObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };
    }
}

/// <summary>Card action names of the knowledge base (the contract's card-action style, docs/contract.md §4: <c>value.action</c>).</summary>
public static class KnowledgeActionNames
{
    /// <summary><c>{"action":"kb.feedback","id","helpful":"true|false","question"}</c>: a vote on an answer.</summary>
    public const string Feedback = "kb.feedback";

    /// <summary><c>{"action":"kb.show","id"}</c>: show one entry (a candidate button).</summary>
    public const string Show = "kb.show";

    /// <summary><c>{"action":"kb.handoff","question"}</c>: pass an unanswered question to staff.</summary>
    public const string HandOff = "kb.handoff";

    /// <summary><c>{"action":"kb.reply","ticket","answer"}</c>: staff answer the asker (staff only).</summary>
    public const string Reply = "kb.reply";

    /// <summary><c>{"action":"kb.promote","question","answer"}</c>: open the entry editor prefilled (staff only).</summary>
    public const string Promote = "kb.promote";

    /// <summary><c>{"action":"kb.save","id","questions","answer","source","url","audience","tags","related"}</c> (staff only).</summary>
    public const string Save = "kb.save";
}
