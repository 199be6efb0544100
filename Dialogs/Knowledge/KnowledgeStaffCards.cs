using System.Globalization;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Knowledge;

/// <summary>Cards staff see: a handed-off question to answer, and the entry editor.</summary>
public static class KnowledgeStaffCards
{
    /// <summary>The card a handed-off question reaches staff with: answer the asker, or turn it into an entry.</summary>
    public static IMessageActivity Ticket(string? locale, string ticketId, string question, string askerName, Role askerRole)
    {
        var role = AudienceLabel(AudienceOf(askerRole)).For(locale);
        var asker = string.Format(CultureInfo.InvariantCulture, KnowledgeStaffTexts.TicketAsker.For(locale), askerName.Length == 0 ? "-" : askerName, role);
        var card = new AdaptiveCardBuilder()
            .Title(string.Format(CultureInfo.InvariantCulture, KnowledgeStaffTexts.TicketTitle.For(locale), ticketId))
            // The question and the name are the asker's words: plain text, never a link or formatting.
            .UserText(PlainText.Clean(question))
            .SubtleUserText(PlainText.Clean(asker))
            .TextInput(CardSubmit.Field<KnowledgeReply>(r => r.Answer), KnowledgeStaffTexts.AnswerLabel.For(locale),
                placeholder: KnowledgeStaffTexts.AnswerPlaceholder.For(locale), multiline: true)
            .Submit(KnowledgeStaffTexts.ReplyButton.For(locale), new KnowledgeReply(ticketId, null))
            .Submit(KnowledgeStaffTexts.PromoteButton.For(locale), new KnowledgePromote(question, null, AudienceOf(askerRole)));
        return MessageFactory.Attachment(card.Build());
    }

    /// <summary>What the asker receives when staff answer.</summary>
    public static IMessageActivity ReplyToAsker(string? locale, string question, string answer)
    {
        var message = MessageFactory.Text(string.Format(CultureInfo.InvariantCulture, KnowledgeStaffTexts.ReplyToAsker.For(locale), PlainText.Markdown(question), answer));
        message.TextFormat = TextFormatTypes.Markdown;
        return message;
    }

    /// <summary>
    /// The audience an entry made from someone's question starts with: theirs. A member's question and its answer may hold
    /// what only members should read, so it is never published to the public unless staff choose to.
    /// </summary>
    public static string AudienceOf(Role asker) => asker switch
    {
        Role.Public => "public",
        Role.Member => "members",
        _ => "staff",
    };

    /// <summary>How the editor names an audience value.</summary>
    public static Localized AudienceLabel(string audience) => audience switch
    {
        "public" => KnowledgeStaffTexts.AudiencePublic,
        "members" => KnowledgeStaffTexts.AudienceMembers,
        _ => KnowledgeStaffTexts.AudienceStaff,
    };

    /// <summary>The entry editor, prefilled with <paramref name="draft"/>; <paramref name="note"/> (optional) is shown under the title.</summary>
    public static IMessageActivity Editor(ITurnContext turn, KnowledgeDraft draft, string? note = null)
    {
        static string Id(System.Linq.Expressions.Expression<Func<KnowledgeSave, string?>> field) => CardSubmit.Field(field);

        var card = new AdaptiveCardBuilder()
            .Title(KnowledgeStaffTexts.EditTitle.For(turn));
        if (note is not null)
        {
            card.Text(note, subtle: true);
        }

        card
            .TextInput(Id(s => s.Id), KnowledgeStaffTexts.FieldId.For(turn), draft.Id)
            .TextInput(Id(s => s.Questions), KnowledgeStaffTexts.FieldQuestions.For(turn), draft.Questions, multiline: true)
            .TextInput(Id(s => s.Answer), KnowledgeStaffTexts.FieldAnswer.For(turn), draft.Answer, multiline: true)
            .TextInput(Id(s => s.Source), KnowledgeStaffTexts.FieldSource.For(turn), draft.Source)
            .TextInput(Id(s => s.Url), KnowledgeStaffTexts.FieldUrl.For(turn), draft.Url)
            .ChoiceInput(Id(s => s.Audience), KnowledgeStaffTexts.FieldAudience.For(turn),
                [
                    new CardChoice(KnowledgeStaffTexts.AudiencePublic.For(turn), "public"),
                    new CardChoice(KnowledgeStaffTexts.AudienceMembers.For(turn), "members"),
                    new CardChoice(KnowledgeStaffTexts.AudienceStaff.For(turn), "staff"),
                ], draft.Audience)
            .TextInput(Id(s => s.Tags), KnowledgeStaffTexts.FieldTags.For(turn), draft.Tags)
            .TextInput(Id(s => s.Related), KnowledgeStaffTexts.FieldRelated.For(turn), draft.Related)
            .Submit(KnowledgeStaffTexts.SaveButton.For(turn), KnowledgeSave.FromInputs);
        return MessageFactory.Attachment(card.Build());
    }
}
