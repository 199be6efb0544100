using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Reports;

/// <summary><c>我的社情民意</c>: the caller's own reports and suggestions, newest first.</summary>
public sealed class MyReportsCommand(IReportService reports, OfficeTime office) : ITextCommand
{
    /// <inheritdoc />
    public bool PersonalOnly => true;

    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; } = new[] { "我的社情民意", "my reports" };

    /// <inheritdoc />
    public bool TakesArguments => false;

    /// <inheritdoc />
    public Role MinimumRole => Role.Public;

    /// <inheritdoc />
    public MenuItem? Menu { get; } = new(ReportTexts.MenuMine, 12, ShownFrom: Role.Member);

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        if (!context.Caller.Has(Role.Member))
        {
            // Web chat ids are whatever the browser claims: the public proves ownership with the access code.
            await turn.SendActivityAsync(ReportTexts.PublicOwn.For(turn), cancellationToken: cancellationToken);
            return;
        }

        var own = reports.ListOwn(context.Caller);
        if (own.Count == 0)
        {
            await turn.SendActivityAsync(ReportTexts.NoneOwn.For(turn), cancellationToken: cancellationToken);
            return;
        }

        var locale = turn.Activity.Locale;
        var lines = own.Select(r => $"- {r.Reference} · {r.State.Label().For(locale)} · {ReportFormat.Time(r.SubmittedAt, office)} · {ReportFormat.Markdown(r.Title)}");
        await turn.SendActivityAsync(ReportTexts.OwnHeader.Format(turn, own.Count) + "\n\n" + string.Join("\n", lines), cancellationToken: cancellationToken);
    }
}
