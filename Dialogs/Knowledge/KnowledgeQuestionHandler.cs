using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Knowledge;

/// <summary>
/// Answers free text from the knowledge base with a citation and feedback buttons; offers the close candidates when
/// two or three entries are about equally good; otherwise says honestly that it has no answer, logs the question for
/// curators and offers to pass it to staff.
/// </summary>
public sealed class KnowledgeQuestionHandler(IKnowledgeAnswerer answerer, IKnowledgeInbox inbox, KnowledgeFollowUp followUp) : IQuestionHandler
{
    /// <summary>Longest question kept or passed to staff (longer input is cut there).</summary>
    public const int MaxQuestionLength = 500;

    /// <summary>A question as a card sent it back: trimmed and cut to <see cref="MaxQuestionLength"/>.</summary>
    public static string Clip(string? question)
    {
        var trimmed = (question ?? "").Trim();
        return trimmed.Length > MaxQuestionLength ? trimmed[..MaxQuestionLength] : trimmed;
    }

    /// <inheritdoc />
    public async Task AnswerAsync(RouteContext context, string question, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        question = question.Length > MaxQuestionLength ? question[..MaxQuestionLength] : question;
        var previous = await followUp.TakeAsync(turn, cancellationToken);
        var result = await answerer.AnswerAsync(question, context.Caller.Role, previous, cancellationToken);
        switch (result.Kind)
        {
            case KnowledgeResultKind.Answer when result.Answer is { } answer:
                await followUp.RememberAsync(turn, answer.EntryId, cancellationToken);
                await turn.SendActivityAsync(KnowledgeCards.Answer(turn, answer, question), cancellationToken);
                return;
            case KnowledgeResultKind.Choose when result.Candidates.Count > 0:
                await turn.SendActivityAsync(KnowledgeCards.Candidates(turn, result, question), cancellationToken);
                return;
            case KnowledgeResultKind.Suggest when result.Candidates.Count > 0:
                inbox.LogUnanswered(question, context.Caller.Role);
                await turn.SendActivityAsync(KnowledgeCards.Candidates(turn, result, question), cancellationToken);
                return;
            default:
                inbox.LogUnanswered(question, context.Caller.Role);
                await turn.SendActivityAsync(KnowledgeCards.NoAnswer(turn, question), cancellationToken);
                return;
        }
    }
}
