using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Knowledge;

/// <summary>Builds the knowledge-base replies: one message each, text first, buttons in an Adaptive Card.</summary>
internal static class KnowledgeCards
{
    /// <summary>The answer verbatim with its citation, feedback buttons, and related entries as suggested actions.</summary>
    public static IMessageActivity Answer(ITurnContext turn, KnowledgeAnswer answer, string question)
    {
        var text = answer.Answer.TrimEnd();
        if (!string.IsNullOrWhiteSpace(answer.Citation))
        {
            var source = answer.Url is null ? answer.Citation : $"[{answer.Citation}]({answer.Url})";
            text += "\n\n" + KnowledgeTexts.Source.Format(turn, source);
        }

        var buttons = new JArray
        {
            Submit(KnowledgeTexts.Helpful.For(turn), KnowledgeActionNames.Feedback, new JObject { ["id"] = answer.EntryId, ["helpful"] = "true", ["question"] = question }),
            Submit(KnowledgeTexts.NotHelpful.For(turn), KnowledgeActionNames.Feedback, new JObject { ["id"] = answer.EntryId, ["helpful"] = "false", ["question"] = question }),
        };
        var reply = MessageFactory.Text(text);
        reply.TextFormat = TextFormatTypes.Markdown;
        reply.Attachments = [MenuCard.AdaptiveCard([], buttons)];
        if (answer.Related.Count > 0)
        {
            reply.SuggestedActions = new SuggestedActions
            {
                Actions = answer.Related.Select(r => new CardAction(ActionTypes.ImBack, r.Title, value: r.Title)).ToList(),
            };
        }

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
