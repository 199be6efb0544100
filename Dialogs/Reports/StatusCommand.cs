using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Reports;

/// <summary>
/// <c>查询 &lt;ref&gt; [code]</c>: status and history for the Teams author, a public user with the right code, or staff
/// (who also get contact details, similar reports and the actions allowed now). Everyone else gets the same reply
/// as for a reference that does not exist.
/// </summary>
public sealed class StatusCommand(IReportService reports, OfficeTime office) : ITextCommand
{
    /// <inheritdoc />
    public bool PersonalOnly => true;

    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; } = new[] { ReportCards.StatusWord, "status" };

    /// <inheritdoc />
    public bool TakesArguments => true;

    /// <inheritdoc />
    public Role MinimumRole => Role.Public;

    /// <inheritdoc />
    public MenuItem? Menu { get; } = new(ReportTexts.MenuStatus, 14);

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 2)
        {
            // Access codes are for the public; members and staff follow reports by reference alone.
            var usage = context.Caller.Has(Role.Member) ? ReportTexts.MemberStatusUsage : ReportTexts.StatusUsage;
            await turn.SendActivityAsync(usage.For(turn), cancellationToken: cancellationToken);
            return;
        }

        var report = reports.FindForCaller(context.Caller, context.Turn.Activity.Conversation?.Id ?? "", ReportFormat.Reference(parts[0]), parts.ElementAtOrDefault(1));
        if (report is null)
        {
            var notFound = context.Caller.Has(Role.Member) ? ReportTexts.MemberNotFound : ReportTexts.NotFoundOrWrongCode;
            await turn.SendActivityAsync(notFound.For(turn), cancellationToken: cancellationToken);
            return;
        }

        var staff = context.Caller.Has(Role.Staff);
        var similar = staff ? reports.FindSimilar(report.Draft, report.Reference, Role.Staff) : null;
        await turn.SendActivityAsync(MessageFactory.Attachment(ReportCards.Details(turn, report, similar, staffActions: staff, office)), cancellationToken);
    }
}
