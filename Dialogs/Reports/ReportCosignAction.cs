using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Reports;

/// <summary><see cref="ReportCosign"/>: a co-author named on a joint report (联名) co-signs it or declines.</summary>
public sealed class ReportCosignAction(IReportService reports, OfficeTime office) : CardAction<ReportCosign>(office)
{
    /// <inheritdoc />
    public override Role MinimumRole => Role.Member;

    /// <inheritdoc />
    protected override async Task HandleAsync(RouteContext context, ReportCosign submit, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var response = Framework.InputText.Normalize(ReportFormat.Field(submit.Response));
        if (response is not (ReportCosign.Accept or ReportCosign.Decline))
        {
            await turn.SendActivityAsync(JointReportTexts.BadResponse.For(turn), cancellationToken: cancellationToken);
            return;
        }

        var reference = ReportFormat.Reference(ReportFormat.Field(submit.Ref) ?? "");
        var result = !ReportFormat.IsReference(reference)
            ? CosignResult.NotInvited
            : reports.Cosign(context.Caller, reference, response == ReportCosign.Accept);
        var reply = result switch
        {
            CosignResult.Accepted => JointReportTexts.Accepted,
            CosignResult.Declined => JointReportTexts.Declined,
            CosignResult.AlreadyAccepted => JointReportTexts.AlreadyAccepted,
            CosignResult.AlreadyDeclined => JointReportTexts.AlreadyDeclined,
            _ => JointReportTexts.NotInvited,
        };
        await turn.SendActivityAsync(reply.Format(turn, Shown(reference)), cancellationToken: cancellationToken);
    }

    // A well-formed reference has no Markdown in it; anything else is echoed escaped and cut short.
    private static string Shown(string reference)
        => ReportFormat.IsReference(reference) ? reference : ReportFormat.Markdown(reference.Length > 20 ? reference[..20] : reference);
}
