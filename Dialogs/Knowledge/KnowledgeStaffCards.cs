using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Knowledge;

/// <summary>Cards staff see: a handed-off question to answer, and the entry editor.</summary>
public static class KnowledgeStaffCards
{
    /// <summary>The card a handed-off question reaches staff with: answer the asker, or turn it into an entry.</summary>
    public static IMessageActivity Ticket(string? locale, string ticketId, string question, string askerName, Role askerRole)
    {
        var role = askerRole switch
        {
            Role.Public => KnowledgeStaffTexts.AudiencePublic.For(locale),
            Role.Member => KnowledgeStaffTexts.AudienceMembers.For(locale),
            _ => KnowledgeStaffTexts.AudienceStaff.For(locale),
        };
        var body = new JArray
        {
            MenuCard.TextBlock(string.Format(System.Globalization.CultureInfo.InvariantCulture, KnowledgeStaffTexts.TicketTitle.For(locale), ticketId), large: true),
            // The question and the name are the asker's words: plain text, never a link or formatting.
            PlainText.Block(question),
            PlainText.Block(string.Format(System.Globalization.CultureInfo.InvariantCulture, KnowledgeStaffTexts.TicketAsker.For(locale), askerName.Length == 0 ? "-" : askerName, role), subtle: true),
            new JObject { ["type"] = "Input.Text", ["id"] = "answer", ["isMultiline"] = true, ["placeholder"] = KnowledgeStaffTexts.AnswerPlaceholder.For(locale) },
        };
        var actions = new JArray
        {
            KnowledgeCards.Submit(KnowledgeStaffTexts.ReplyButton.For(locale), KnowledgeActionNames.Reply, new JObject { ["ticket"] = ticketId }),
            KnowledgeCards.Submit(KnowledgeStaffTexts.PromoteButton.For(locale), KnowledgeActionNames.Promote, new JObject { ["question"] = question }),
        };
        return MessageFactory.Attachment(MenuCard.AdaptiveCard(body, actions));
    }

    /// <summary>What the asker receives when staff answer.</summary>
    public static IMessageActivity ReplyToAsker(string? locale, string question, string answer)
    {
        var message = MessageFactory.Text(string.Format(System.Globalization.CultureInfo.InvariantCulture, KnowledgeStaffTexts.ReplyToAsker.For(locale), PlainText.Markdown(question), answer));
        message.TextFormat = TextFormatTypes.Markdown;
        return message;
    }

    /// <summary>The entry editor, prefilled with <paramref name="draft"/>.</summary>
    public static IMessageActivity Editor(ITurnContext turn, KnowledgeDraft draft)
    {
        JObject Input(string id, Framework.Localized label, string value, bool multiline = false) => new()
        {
            ["type"] = "Input.Text", ["id"] = id, ["label"] = label.For(turn), ["value"] = value, ["isMultiline"] = multiline,
        };

        var audience = new JObject
        {
            ["type"] = "Input.ChoiceSet", ["id"] = "audience", ["label"] = KnowledgeStaffTexts.FieldAudience.For(turn), ["value"] = draft.Audience,
            ["choices"] = new JArray
            {
                new JObject { ["title"] = KnowledgeStaffTexts.AudiencePublic.For(turn), ["value"] = "public" },
                new JObject { ["title"] = KnowledgeStaffTexts.AudienceMembers.For(turn), ["value"] = "members" },
                new JObject { ["title"] = KnowledgeStaffTexts.AudienceStaff.For(turn), ["value"] = "staff" },
            },
        };
        var body = new JArray
        {
            MenuCard.TextBlock(KnowledgeStaffTexts.EditTitle.For(turn), large: true),
            Input("id", KnowledgeStaffTexts.FieldId, draft.Id),
            Input("questions", KnowledgeStaffTexts.FieldQuestions, draft.Questions, multiline: true),
            Input("answer", KnowledgeStaffTexts.FieldAnswer, draft.Answer, multiline: true),
            Input("source", KnowledgeStaffTexts.FieldSource, draft.Source),
            Input("url", KnowledgeStaffTexts.FieldUrl, draft.Url),
            audience,
            Input("tags", KnowledgeStaffTexts.FieldTags, draft.Tags),
            Input("related", KnowledgeStaffTexts.FieldRelated, draft.Related),
        };
        var actions = new JArray { KnowledgeCards.Submit(KnowledgeStaffTexts.SaveButton.For(turn), KnowledgeActionNames.Save, new JObject()) };
        return MessageFactory.Attachment(MenuCard.AdaptiveCard(body, actions));
    }
}
