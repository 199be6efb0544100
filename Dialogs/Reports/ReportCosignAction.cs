using Cppcc.Dialogs.Root;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Reports;

/// <summary><c>report.cosign</c>: a co-author named on a joint report (联名) co-signs it or declines.</summary>
public sealed class ReportCosignAction : ICardAction
{
    private readonly IReportService _reports;

    /// <summary>Creates the action.</summary>
    public ReportCosignAction(IReportService reports) => _reports = reports;

    /// <inheritdoc />
    public string Name => CosignCard.Action;

    /// <inheritdoc />
    public Role MinimumRole => Role.Member;

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, JObject value, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var response = Framework.InputText.Normalize(ReportSubmitAction.Text(value, "response"));
        if (response is not ("accept" or "decline"))
        {
            await turn.SendActivityAsync(JointReportTexts.BadResponse.For(turn), cancellationToken: cancellationToken);
            return;
        }

        var typed = ReportSubmitAction.Text(value, "ref") ?? "";
        var reference = ReportFormat.Reference(typed);
        var result = !ReportFormat.IsReference(reference)
            ? CosignResult.NotInvited
            : await _reports.CosignAsync(context.Caller, reference, response == "accept", cancellationToken);
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
