using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Knowledge;

/// <summary><c>kb.show</c>: the user picked one of the candidate entries.</summary>
public sealed class KnowledgeShowAction : ICardAction
{
    private readonly IKnowledgeAnswerer _answerer;
    private readonly KnowledgeFollowUp _followUp;

    /// <summary>Creates the action.</summary>
    public KnowledgeShowAction(IKnowledgeAnswerer answerer, KnowledgeFollowUp followUp)
    {
        _answerer = answerer;
        _followUp = followUp;
    }

    /// <inheritdoc />
    public string Name => KnowledgeActionNames.Show;

    /// <inheritdoc />
    public Role MinimumRole => Role.Public;

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, JObject value, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var id = (string?)value["id"] ?? "";
        // The role is checked again here: a crafted submit must not reveal a members-only entry to the public.
        var answer = id.Length == 0 ? null : await _answerer.FindAsync(id, context.Caller.Role, cancellationToken).ConfigureAwait(false);
        if (answer is null)
        {
            await turn.SendActivityAsync(KnowledgeTexts.Gone.For(turn), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await _followUp.RememberAsync(turn, answer.EntryId, cancellationToken).ConfigureAwait(false);
        await turn.SendActivityAsync(KnowledgeCards.Answer(turn, answer, Question(value)), cancellationToken).ConfigureAwait(false);
    }

    internal static string Question(JObject value)
    {
        var question = ((string?)value["question"] ?? "").Trim();
        return question.Length > KnowledgeQuestionHandler.MaxQuestionLength ? question[..KnowledgeQuestionHandler.MaxQuestionLength] : question;
    }
}

/// <summary><c>kb.feedback</c>: "有帮助 / 没帮助" on an answer, stored per entry.</summary>
public sealed class KnowledgeFeedbackAction : ICardAction
{
    private readonly IKnowledgeInbox _inbox;
    private readonly IKnowledgeAnswerer _answerer;

    /// <summary>Creates the action.</summary>
    public KnowledgeFeedbackAction(IKnowledgeInbox inbox, IKnowledgeAnswerer answerer)
    {
        _inbox = inbox;
        _answerer = answerer;
    }

    /// <inheritdoc />
    public string Name => KnowledgeActionNames.Feedback;

    /// <inheritdoc />
    public Role MinimumRole => Role.Public;

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, JObject value, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var id = (string?)value["id"] ?? "";
        // Votes only for entries this caller could have been shown, so crafted submits cannot pad the counts.
        if (id.Length == 0 || await _answerer.FindAsync(id, context.Caller.Role, cancellationToken).ConfigureAwait(false) is null)
        {
            await turn.SendActivityAsync(KnowledgeTexts.Unhandled.For(turn), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var helpful = string.Equals((string?)value["helpful"], "true", StringComparison.OrdinalIgnoreCase);
        await _inbox.RecordFeedbackAsync(id, helpful, context.Caller, cancellationToken).ConfigureAwait(false);
        var reply = helpful
            ? MessageFactory.Text(KnowledgeTexts.ThanksHelpful.For(turn))
            : KnowledgeCards.WithHandOff(turn, KnowledgeTexts.ThanksNotHelpful.For(turn), KnowledgeShowAction.Question(value));
        await turn.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary><c>kb.handoff</c>: one click passes an unanswered question to staff.</summary>
public sealed class KnowledgeHandOffAction : ICardAction
{
    private readonly IKnowledgeInbox _inbox;

    /// <summary>Creates the action.</summary>
    public KnowledgeHandOffAction(IKnowledgeInbox inbox) => _inbox = inbox;

    /// <inheritdoc />
    public string Name => KnowledgeActionNames.HandOff;

    /// <inheritdoc />
    public Role MinimumRole => Role.Public;

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, JObject value, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var question = ((string?)value["question"] ?? "").Trim();
        if (question.Length == 0)
        {
            await turn.SendActivityAsync(KnowledgeTexts.MissingQuestion.For(turn), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        if (question.Length > KnowledgeQuestionHandler.MaxQuestionLength)
        {
            await turn.SendActivityAsync(KnowledgeTexts.QuestionTooLong.Format(turn, KnowledgeQuestionHandler.MaxQuestionLength), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var ticket = await _inbox.HandOffAsync(question, context.Caller, cancellationToken).ConfigureAwait(false);
        // "Passed to staff" only when someone received it; otherwise the truth: it waits until staff are back.
        var reply = ticket switch
        {
            null => KnowledgeTexts.HandOffTooOften.For(turn),
            { StaffReached: true } => KnowledgeTexts.HandedOff.Format(turn, ticket.TicketId),
            _ => KnowledgeTexts.HandedOffNoStaff.Format(turn, ticket.TicketId),
        };
        await turn.SendActivityAsync(reply, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
