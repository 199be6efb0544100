using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Reports;

/// <summary><c>社情民意表单</c>: the one-step form (a report for members, a suggestion for the public) submitting <c>report.submit</c>.</summary>
public sealed class ReportFormCommand(ReportRules rules) : ITextCommand
{
    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; } = new[] { "社情民意表单", "report form", "建议表单", "suggestion form" };

    /// <inheritdoc />
    public bool TakesArguments => false;

    /// <inheritdoc />
    public Role MinimumRole => Role.Public;

    /// <inheritdoc />
    public MenuItem? Menu { get; } = new(ReportTexts.MenuForm, 13, ShownFrom: Role.Member);

    /// <inheritdoc />
    public Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
    {
        var member = context.Caller.Has(Role.Member);
        var card = ReportCards.Form(context.Turn, member ? ReportKind.Report : ReportKind.Suggestion, rules, askContact: !member);
        return context.Turn.SendActivityAsync(MessageFactory.Attachment(card), cancellationToken);
    }
}
