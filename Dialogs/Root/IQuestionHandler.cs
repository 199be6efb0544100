namespace Cppcc.Dialogs.Root;

/// <summary>Answers everything that is not a command (the knowledge base).</summary>
public interface IQuestionHandler
{
    /// <summary>Answers <paramref name="question"/>.</summary>
    Task AnswerAsync(RouteContext context, string question, CancellationToken cancellationToken);
}
