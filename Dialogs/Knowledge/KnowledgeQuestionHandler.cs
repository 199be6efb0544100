using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Knowledge;

/// <summary>Answers free text from the knowledge base with a citation, or says honestly that it has no answer.</summary>
public sealed class KnowledgeQuestionHandler : IQuestionHandler
{
    private readonly IKnowledgeAnswerer _answerer;

    /// <summary>Creates the handler.</summary>
    public KnowledgeQuestionHandler(IKnowledgeAnswerer answerer) => _answerer = answerer;

    /// <inheritdoc />
    public async Task AnswerAsync(RouteContext context, string question, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var answer = await _answerer.AnswerAsync(question, context.Caller.Role, cancellationToken).ConfigureAwait(false);
        if (answer is null)
        {
            await turn.SendActivityAsync(KnowledgeTexts.NoAnswer.For(turn), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var text = answer.Answer.TrimEnd();
        if (!string.IsNullOrWhiteSpace(answer.Citation))
        {
            var source = answer.Url is null ? answer.Citation : $"[{answer.Citation}]({answer.Url})";
            text += "\n\n" + KnowledgeTexts.Source.Format(turn, source);
        }

        await turn.SendActivityAsync(MessageFactory.Text(text), cancellationToken).ConfigureAwait(false);
    }
}
