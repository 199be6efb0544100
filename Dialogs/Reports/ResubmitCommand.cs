using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Reports;

/// <summary>
/// <c>重新提交 &lt;ref&gt;</c>: the author revises a returned report in a form pre-filled with the earlier text, so
/// only what the reviewer asked about needs changing; its submit carries the reference (<c>report.submit</c> with <c>ref</c>).
/// </summary>
public sealed class ResubmitCommand(IReportService reports, ReportRules rules) : ITextCommand
{
    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; } = new[] { "重新提交", "resubmit" };

    /// <inheritdoc />
    public bool TakesArguments => true;

    /// <inheritdoc />
    public Role MinimumRole => Role.Member;

    /// <inheritdoc />
    public MenuItem? Menu => null;

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
    {
        var reference = ReportFormat.Reference(arguments);
        var report = reference.Length == 0 ? null : reports.FindForCaller(context.Caller, context.Turn.Activity.Conversation?.Id ?? "", reference, null);
        if (report is not { State: ReportState.Returned })
        {
            await context.Turn.SendActivityAsync(ReportTexts.CannotRevise.For(context.Turn), cancellationToken: cancellationToken);
            return;
        }

        var reason = report.History.LastOrDefault(h => h.To == ReportState.Returned)?.Note ?? "";
        var intro = MessageFactory.Text(ReportTexts.RevisingForm.Format(context.Turn, report.Reference, reason));
        intro.Attachments = new List<Microsoft.Bot.Schema.Attachment>
        {
            ReportCards.Form(context.Turn, report.Kind, rules, askContact: false, report.Draft, report.Reference),
        };
        await context.Turn.SendActivityAsync(intro, cancellationToken);
    }
}
