using System.Globalization;
using Cppcc.Dialogs.Exports;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Audit;

/// <summary>
/// Staff: <c>操作记录 [n] [词…] [日期]</c> / <c>audit …</c>: the latest records (all, or those a filter matches) and
/// whether the hash chain still verifies; <c>操作记录 导出 [词…] [日期]</c> sends CSV / Excel links of the matching records.
/// </summary>
public sealed class AuditCommand : ITextCommand
{
    private static readonly string[] ExportWords = ["导出", "export"];

    private readonly IAuditTrail _trail;
    private readonly IDownloadLinks _links;
    private readonly PrivateDownload _private;

    /// <summary>Creates the command.</summary>
    public AuditCommand(IAuditTrail trail, IDownloadLinks links, PrivateDownload privateDownload)
    {
        _trail = trail;
        _links = links;
        _private = privateDownload;
    }

    /// <inheritdoc />
    public bool PersonalOnly => true;

    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; } = new[] { "操作记录", "audit" };

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
        if (!AuditFilter.TryParse(export ? text[first.Length..] : text, out var filter))
        {
            await turn.SendActivityAsync(AuditTexts.BadFilter.For(turn), cancellationToken: cancellationToken);
            return;
        }

        if (export)
        {
            await ExportAsync(context, filter, cancellationToken);
            return;
        }

        var check = _trail.Verify();
        var entries = _trail.Find(filter, filter.Count);
        var title = filter.Narrows ? AuditTexts.FilteredTitle.Format(turn, filter.ToText(), entries.Count) : AuditTexts.Title.Format(turn, entries.Count);
        var body = new JArray { MenuCard.TextBlock(title, large: true), MenuCard.TextBlock(Verdict(turn, check)) };
        if (entries.Count == 0)
        {
            body.Add(MenuCard.TextBlock((filter.Narrows ? AuditTexts.NoMatch : AuditTexts.Empty).For(turn), subtle: true));
        }

        foreach (var e in entries)
        {
            var at = OfficeClock.Local(e.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var who = e.ActorName.Length > 0 ? e.ActorName : e.ActorKey;
            var line = AuditTexts.Line.Format(turn, e.Sequence, at, who, e.Action, e.Target, e.Before ?? "-", e.After ?? "-");
            // Names and notes are typed by people: a TextRun shows them as typed, never as Markdown.
            body.Add(new JObject { ["type"] = "RichTextBlock", ["inlines"] = new JArray { new JObject { ["type"] = "TextRun", ["text"] = line } } });
        }

        body.Add(MenuCard.TextBlock(AuditTexts.Usage.For(turn), subtle: true));
        await turn.SendActivityAsync(MessageFactory.Attachment(MenuCard.AdaptiveCard(body)), cancellationToken);
    }

    private async Task ExportAsync(RouteContext context, AuditFilter filter, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var subject = filter.ToText();
        var csv = _links.Create(context.Caller, AuditExportKinds.Csv, subject);
        var excel = _links.Create(context.Caller, AuditExportKinds.Excel, subject);
        var until = OfficeClock.Local(csv.ExpiresAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var body = new JArray
        {
            MenuCard.TextBlock(filter.Narrows ? AuditTexts.ExportFiltered.Format(turn, subject) : AuditTexts.ExportAll.For(turn), large: true),
            MenuCard.TextBlock(AuditTexts.LinksExpire.Format(turn, until), subtle: true),
        };
        var actions = new JArray
        {
            new JObject { ["type"] = "Action.OpenUrl", ["title"] = AuditTexts.DownloadCsv.For(turn), ["url"] = csv.Url },
            new JObject { ["type"] = "Action.OpenUrl", ["title"] = AuditTexts.DownloadExcel.For(turn), ["url"] = excel.Url },
        };
        await _private.SendAsync(context, MessageFactory.Attachment(MenuCard.AdaptiveCard(body, actions)), cancellationToken);
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
