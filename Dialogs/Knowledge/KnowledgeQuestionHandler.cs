using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Knowledge;

/// <summary>
/// Answers free text from the knowledge base with a citation and feedback buttons; offers the close candidates when
/// two or three entries are about equally good; otherwise says honestly that it has no answer, logs the question for
/// curators and offers to pass it to staff.
/// </summary>
public sealed class KnowledgeQuestionHandler : IQuestionHandler
{
    /// <summary>Longest question kept or passed to staff (longer input is cut there).</summary>
    public const int MaxQuestionLength = 500;

    private readonly IKnowledgeAnswerer _answerer;
    private readonly IKnowledgeInbox _inbox;
    private readonly KnowledgeFollowUp _followUp;

    /// <summary>Creates the handler.</summary>
    public KnowledgeQuestionHandler(IKnowledgeAnswerer answerer, IKnowledgeInbox inbox, KnowledgeFollowUp followUp)
    {
        _answerer = answerer;
        _inbox = inbox;
        _followUp = followUp;
    }

    /// <inheritdoc />
    public async Task AnswerAsync(RouteContext context, string question, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        question = question.Length > MaxQuestionLength ? question[..MaxQuestionLength] : question;
        var previous = await _followUp.TakeAsync(turn, cancellationToken).ConfigureAwait(false);
        var result = await _answerer.AnswerAsync(question, context.Caller.Role, previous, cancellationToken).ConfigureAwait(false);
        switch (result.Kind)
        {
            case KnowledgeResultKind.Answer when result.Answer is { } answer:
                await _followUp.RememberAsync(turn, answer.EntryId, cancellationToken).ConfigureAwait(false);
                await turn.SendActivityAsync(KnowledgeCards.Answer(turn, answer, question), cancellationToken).ConfigureAwait(false);
                return;
            case KnowledgeResultKind.Choose when result.Candidates.Count > 0:
                await turn.SendActivityAsync(KnowledgeCards.Candidates(turn, result, question), cancellationToken).ConfigureAwait(false);
                return;
            case KnowledgeResultKind.Suggest when result.Candidates.Count > 0:
                await _inbox.LogUnansweredAsync(question, context.Caller.Role, cancellationToken).ConfigureAwait(false);
                await turn.SendActivityAsync(KnowledgeCards.Candidates(turn, result, question), cancellationToken).ConfigureAwait(false);
                return;
            default:
                await _inbox.LogUnansweredAsync(question, context.Caller.Role, cancellationToken).ConfigureAwait(false);
                await turn.SendActivityAsync(KnowledgeCards.NoAnswer(turn, question), cancellationToken).ConfigureAwait(false);
                return;
        }
    }
}
