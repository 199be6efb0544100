using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Knowledge;

/// <summary><c>kb.show</c>: the user picked one of the candidate (or related) entries.</summary>
public sealed class KnowledgeShowAction(IKnowledgeAnswerer answerer, KnowledgeFollowUp followUp, OfficeTime office) : CardAction<KnowledgeShow>(office)
{
    /// <inheritdoc />
    public override Role MinimumRole => Role.Public;

    /// <inheritdoc />
    protected override async Task HandleAsync(RouteContext context, KnowledgeShow submit, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var id = submit.Id ?? "";
        // The role is checked again here: a crafted submit must not reveal a members-only entry to the public.
        var answer = id.Length == 0 ? null : answerer.Find(id, context.Caller.Role);
        if (answer is null)
        {
            await turn.SendActivityAsync(KnowledgeTexts.Gone.For(turn), cancellationToken: cancellationToken);
            return;
        }

        await followUp.RememberAsync(turn, answer.EntryId, cancellationToken);
        await turn.SendActivityAsync(KnowledgeCards.Answer(turn, answer, KnowledgeQuestionHandler.Clip(submit.Question)), cancellationToken);
    }
}

/// <summary><c>kb.feedback</c>: "有帮助 / 没帮助" on an answer, stored per entry.</summary>
public sealed class KnowledgeFeedbackAction(IKnowledgeInbox inbox, IKnowledgeAnswerer answerer, OfficeTime office) : CardAction<KnowledgeFeedback>(office)
{
    /// <inheritdoc />
    public override Role MinimumRole => Role.Public;

    /// <inheritdoc />
    protected override async Task HandleAsync(RouteContext context, KnowledgeFeedback submit, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var id = submit.Id ?? "";
        // Votes only for entries this caller could have been shown, so crafted submits cannot pad the counts.
        if (id.Length == 0 || answerer.Find(id, context.Caller.Role) is null)
        {
            await turn.SendActivityAsync(KnowledgeTexts.Unhandled.For(turn), cancellationToken: cancellationToken);
            return;
        }

        inbox.RecordFeedback(id, submit.IsHelpful, context.Caller);
        var reply = submit.IsHelpful
            ? MessageFactory.Text(KnowledgeTexts.ThanksHelpful.For(turn))
            : KnowledgeCards.WithHandOff(turn, KnowledgeTexts.ThanksNotHelpful.For(turn), KnowledgeQuestionHandler.Clip(submit.Question));
        await turn.SendActivityAsync(reply, cancellationToken);
    }
}

/// <summary><c>kb.handoff</c>: one click passes an unanswered question to staff.</summary>
public sealed class KnowledgeHandOffAction(IKnowledgeInbox inbox, OfficeTime office) : CardAction<KnowledgeHandOff>(office)
{
    /// <inheritdoc />
    public override Role MinimumRole => Role.Public;

    /// <inheritdoc />
    protected override async Task HandleAsync(RouteContext context, KnowledgeHandOff submit, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var question = (submit.Question ?? "").Trim();
        if (question.Length == 0)
        {
            await turn.SendActivityAsync(KnowledgeTexts.MissingQuestion.For(turn), cancellationToken: cancellationToken);
            return;
        }

        if (question.Length > KnowledgeQuestionHandler.MaxQuestionLength)
        {
            await turn.SendActivityAsync(KnowledgeTexts.QuestionTooLong.Format(turn, KnowledgeQuestionHandler.MaxQuestionLength),
                cancellationToken: cancellationToken);
            return;
        }

        var ticket = await inbox.HandOffAsync(question, context.Caller, cancellationToken);
        // "Passed to staff" only when someone received it; otherwise the truth: it waits until staff are back.
        var reply = ticket switch
        {
            null => KnowledgeTexts.HandOffTooOften.For(turn),
            { StaffReached: true } => KnowledgeTexts.HandedOff.Format(turn, ticket.TicketId),
            _ => KnowledgeTexts.HandedOffNoStaff.Format(turn, ticket.TicketId),
        };
        await turn.SendActivityAsync(reply, cancellationToken: cancellationToken);
    }
}
