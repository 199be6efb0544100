using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Reports;

/// <summary><c>重新提交 &lt;ref&gt;</c>: the author revises a returned report in the same dialog it was filed with.</summary>
public sealed class ResubmitCommand : ITextCommand
{
    private readonly IReportService _reports;

    /// <summary>Creates the command.</summary>
    public ResubmitCommand(IReportService reports) => _reports = reports;

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
        var report = reference.Length == 0 ? null : await _reports.FindForCallerAsync(context.Caller, context.Turn.Activity.Conversation?.Id ?? "", reference, null, cancellationToken);
        if (report is not { State: ReportState.Returned })
        {
            await context.Turn.SendActivityAsync(ReportTexts.CannotRevise.For(context.Turn), cancellationToken: cancellationToken);
            return;
        }

        var dialog = report.Kind == ReportKind.Report ? ReportDialog.DialogId : SuggestionDialog.DialogId;
        await context.Dialogs.BeginDialogAsync(dialog, new FilingDialogOptions(null, report.Reference), cancellationToken);
    }
}
