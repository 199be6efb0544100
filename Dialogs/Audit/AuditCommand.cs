using System.Globalization;
using Cppcc.Dialogs.Exports;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Audit;

/// <summary>
/// Staff: <c>操作记录 [n] [词…] [日期]</c> / <c>audit …</c>: the latest records (all, or those a filter matches) and
/// whether the hash chain still verifies; <c>操作记录 导出 [词…] [日期]</c> sends CSV / Excel links of the matching records.
/// </summary>
public sealed class AuditCommand(IAuditTrail trail, IDownloadLinks links, PrivateDownload privateDownload, OfficeTime office) : ITextCommand
{
    private static readonly string[] ExportWords = ["导出", "export"];

    /// <inheritdoc />
    public bool PersonalOnly => true;

    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; } = ["操作记录", "audit"];

    /// <inheritdoc />
    public bool TakesArguments => true;

    /// <inheritdoc />
    public Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    public MenuItem? Menu { get; } = new(AuditTexts.Menu, 60, ShownFrom: Role.Staff);

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var text = InputText.Fold(arguments);
        var first = text.Split(' ', 2)[0];
        var export = ExportWords.Contains(first, StringComparer.OrdinalIgnoreCase);
        if (!AuditFilter.TryParse(export ? text[first.Length..] : text, office, out var filter))
        {
            await turn.SendActivityAsync(AuditTexts.BadFilter.For(turn), cancellationToken: cancellationToken);
            return;
        }

        if (export)
        {
            await ExportAsync(context, filter, cancellationToken);
            return;
        }

        var check = trail.Verify();
        var entries = trail.Find(filter, filter.Count);
        var title = filter.Narrows ? AuditTexts.FilteredTitle.Format(turn, filter.ToText(), entries.Count) : AuditTexts.Title.Format(turn, entries.Count);
        var card = new AdaptiveCardBuilder().Title(title).Text(Verdict(turn, check));
        if (entries.Count == 0)
        {
            card.Text((filter.Narrows ? AuditTexts.NoMatch : AuditTexts.Empty).For(turn), subtle: true);
        }

        foreach (var e in entries)
        {
            var at = office.Local(e.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var who = e.ActorName.Length > 0 ? e.ActorName : e.ActorKey;
            // Names and notes are typed by people: shown as typed, never as Markdown.
            card.UserText(AuditTexts.Line.Format(turn, e.Sequence, at, who, e.Action, e.Target, e.Before ?? "-", e.After ?? "-"));
        }

        card.Text(AuditTexts.Usage.For(turn), subtle: true);
        await turn.SendActivityAsync(MessageFactory.Attachment(card.Build()), cancellationToken);
    }

    private async Task ExportAsync(RouteContext context, AuditFilter filter, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var subject = filter.ToText();
        var csv = links.Create(context.Caller, AuditExportKinds.Csv, subject);
        var excel = links.Create(context.Caller, AuditExportKinds.Excel, subject);
        var card = new AdaptiveCardBuilder()
            .Title(filter.Narrows ? AuditTexts.ExportFiltered.Format(turn, subject) : AuditTexts.ExportAll.For(turn))
            .Text(AuditTexts.LinksExpire.Format(turn, DownloadCard.Until(csv, office)), subtle: true)
            .OpenUrl(AuditTexts.DownloadCsv.For(turn), csv.Url)
            .OpenUrl(AuditTexts.DownloadExcel.For(turn), excel.Url);
        await privateDownload.SendAsync(context, MessageFactory.Attachment(card.Build()), cancellationToken);
    }

    private static string Verdict(ITurnContext turn, AuditVerification check)
    {
        if (check.BrokenAt is { } broken)
        {
            return AuditTexts.Broken.Format(turn, broken);
        }

        return check.MissingFrom is { } missing ? AuditTexts.TailMissing.Format(turn, missing, check.Checked) : AuditTexts.Intact.Format(turn, check.Checked);
    }
}
