using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Reports;

/// <summary><c>界别 民盟</c>: a member sets their sector (界别); staff set an author's with <c>界别 SQ-2026-000001 民盟</c>.</summary>
public sealed class SectorCommand(IReportService reports, ReportRules rules) : ITextCommand
{
    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; } = new[] { "界别", "sector" };

    /// <inheritdoc />
    public bool TakesArguments => true;

    /// <inheritdoc />
    public Role MinimumRole => Role.Member;

    /// <inheritdoc />
    public MenuItem? Menu => null;

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (reference, sector) = parts.Length switch
        {
            1 => ((string?)null, parts[0]),
            2 when context.Caller.Has(Role.Staff) => (ReportFormat.Reference(parts[0]), parts[1]),
            _ => (null, ""),
        };
        if (sector.Length == 0)
        {
            await turn.SendActivityAsync(ReportTexts.SectorUsage.For(turn), cancellationToken: cancellationToken);
            return;
        }

        var result = reports.SetSector(context.Caller, sector, reference);
        var reply = result switch
        {
            SectorResult.Saved => ReportTexts.SectorSaved.Format(turn, rules.FindSector(sector)),
            SectorResult.UnknownSector => ReportTexts.SectorUnknown(rules).For(turn),
            _ => ReportTexts.UnknownReference.Format(turn, ReportFormat.Markdown(reference)),
        };
        await turn.SendActivityAsync(reply, cancellationToken: cancellationToken);
    }
}
