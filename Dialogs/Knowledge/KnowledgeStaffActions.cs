using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Knowledge;

/// <summary><c>kb.reply</c>: staff answer a handed-off question; the answer reaches the asker proactively.</summary>
public sealed class KnowledgeReplyAction(IKnowledgeInbox inbox, OfficeTime office) : CardAction<KnowledgeReply>(office)
{
    /// <inheritdoc />
    public override Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    protected override async Task HandleAsync(RouteContext context, KnowledgeReply submit, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var ticket = (submit.Ticket ?? "").Trim();
        var answer = (submit.Answer ?? "").Trim();
        if (answer.Length == 0)
        {
            await turn.SendActivityAsync(KnowledgeStaffTexts.EmptyAnswer.For(turn), cancellationToken: cancellationToken);
            return;
        }

        var outcome = await inbox.ReplyAsync(ticket, answer, context.Caller, cancellationToken);
        var text = outcome switch
        {
            HandOffReply.Delivered => KnowledgeStaffTexts.ReplyDelivered,
            HandOffReply.Undeliverable => KnowledgeStaffTexts.ReplyUndeliverable,
            _ => KnowledgeStaffTexts.UnknownTicket,
        };
        await turn.SendActivityAsync(text.Format(turn, ticket), cancellationToken: cancellationToken);
    }
}

/// <summary><c>kb.promote</c>: turn a handed-off question (and the answer typed on its card) into a new entry.</summary>
public sealed class KnowledgePromoteAction(OfficeTime office) : CardAction<KnowledgePromote>(office)
{
    /// <inheritdoc />
    public override Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    protected override Task HandleAsync(RouteContext context, KnowledgePromote submit, CancellationToken cancellationToken)
    {
        // The asker's audience, as the ticket card carries it; a card without one (sent before it did) starts at
        // members, the KB files' own default, rather than publishing to the public unasked.
        var known = submit.Audience is "public" or "members" or "staff";
        var audience = known ? submit.Audience! : "members";
        var draft = new KnowledgeDraft
        {
            Questions = (submit.Question ?? "").Trim(),
            Answer = (submit.Answer ?? "").Trim(),
            Audience = audience,
        };
        var label = KnowledgeStaffCards.AudienceLabel(audience).For(context.Turn);
        var note = (known ? KnowledgeStaffTexts.AudienceFromAsker : KnowledgeStaffTexts.AudienceAskerUnknown).Format(context.Turn, label);
        return context.Turn.SendActivityAsync(KnowledgeStaffCards.Editor(context.Turn, draft, note), cancellationToken);
    }
}

/// <summary><c>kb.save</c>: the entry editor was submitted.</summary>
public sealed class KnowledgeSaveAction(IKnowledgeCuration curation, OfficeTime office) : CardAction<KnowledgeSave>(office)
{
    /// <inheritdoc />
    public override Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    protected override async Task HandleAsync(RouteContext context, KnowledgeSave submit, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        static string Field(string? value) => (value ?? "").Trim();
        var draft = new KnowledgeDraft
        {
            Id = Field(submit.Id),
            Questions = Field(submit.Questions),
            Answer = Field(submit.Answer),
            Source = Field(submit.Source),
            Url = Field(submit.Url),
            Audience = Field(submit.Audience),
            Tags = Field(submit.Tags),
            Related = Field(submit.Related),
        };
        var problems = curation.Save(draft, context.Caller);
        var reply = problems.Count == 0
            ? KnowledgeStaffTexts.Saved.Format(turn, draft.Id)
            : KnowledgeStaffTexts.NotSaved.Format(turn, string.Join("\n", problems.Select(p => "- " + Describe(turn, p))));
        await turn.SendActivityAsync(reply, cancellationToken: cancellationToken);
    }

    private static string Describe(ITurnContext turn, KnowledgeDraftIssue issue) => issue.Problem switch
    {
        KnowledgeDraftProblem.BadId => KnowledgeStaffTexts.BadId.For(turn),
        KnowledgeDraftProblem.NoQuestion => KnowledgeStaffTexts.NoQuestion.For(turn),
        KnowledgeDraftProblem.NoAnswer => KnowledgeStaffTexts.NoEntryAnswer.For(turn),
        KnowledgeDraftProblem.BadAudience => KnowledgeStaffTexts.BadAudience.For(turn),
        KnowledgeDraftProblem.AnswerTooLong => KnowledgeStaffTexts.AnswerTooLong.Format(turn, issue.Limit),
        KnowledgeDraftProblem.BadUrl => KnowledgeStaffTexts.BadUrl.For(turn),
        KnowledgeDraftProblem.UnknownRelated => KnowledgeStaffTexts.UnknownRelated.Format(turn, string.Join("、", issue.Entries ?? [])),
        _ => KnowledgeStaffTexts.PassageId.For(turn),
    };
}
