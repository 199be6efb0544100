using System.Globalization;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Reports;

/// <summary>
/// Staff: <c>统计 [2026 | 2026-03 | 2026-01-01 2026-06-30]</c> (also <c>stats</c>): the assessment numbers per member and
/// per sector for the period, with short-lived CSV and Excel download links that work for staff only.
/// </summary>
public sealed class StatsCommand : ITextCommand
{
    private const int MembersShown = 10;

    private readonly IReportReview _review;
    private readonly IReportExports _exports;
    private readonly TimeProvider _time;
    private readonly Exports.PrivateDownload _private;

    /// <summary>Creates the command.</summary>
    public StatsCommand(IReportReview review, IReportExports exports, TimeProvider time, Exports.PrivateDownload privateDownload)
    {
        _review = review;
        _exports = exports;
        _time = time;
        _private = privateDownload;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; } = new[] { "统计", "stats" };

    /// <inheritdoc />
    public bool TakesArguments => true;

    /// <inheritdoc />
    public Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    public MenuItem? Menu { get; } = new(ReportTexts.MenuStats, 31);

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var year = OfficeClock.Local(_time.GetUtcNow()).Year;
        if (!ReportPeriod.TryParse(arguments, year, out var period))
        {
            await turn.SendActivityAsync(ReportTexts.BadPeriod.For(turn), cancellationToken: cancellationToken);
            return;
        }

        var stats = await _review.StatisticsAsync(period, cancellationToken);
        var links = _exports.CreateLinks(context.Caller, period);
        await _private.SendAsync(context, MessageFactory.Attachment(Card(turn, stats, links)), cancellationToken);
    }

    private static Microsoft.Bot.Schema.Attachment Card(ITurnContext turn, ReportStatistics stats, ExportLinks links)
    {
        var locale = turn.Activity.Locale;
        int Level(AdoptionLevel l) => stats.Members.Sum(m => m.Adopted.GetValueOrDefault(l));
        var body = new JArray
        {
            MenuCard.TextBlock(ReportTexts.StatsTitle.Format(turn, stats.Period), large: true),
            MenuCard.TextBlock(ReportTexts.StatsLine.Format(turn, stats.Members.Count, stats.Members.Sum(m => m.Filed),
                stats.Members.Sum(m => m.Accepted), stats.Members.Sum(m => m.Forwarded), stats.Members.Sum(m => m.AdoptedTotal),
                Level(AdoptionLevel.District), Level(AdoptionLevel.City), Level(AdoptionLevel.Province), Level(AdoptionLevel.National),
                Level(AdoptionLevel.Instruction), stats.Suggestions)),
        };
        foreach (var row in stats.Members.Take(MembersShown).Concat(stats.Sectors))
        {
            var line = ReportTexts.StatsMemberLine.Format(turn, row.Name, row.Sector.Length == 0 ? "界别" : row.Sector, row.Filed, row.Accepted, row.Forwarded, row.AdoptedTotal);
            // Names come from Teams profiles: a TextRun shows them as typed, never as Markdown.
            body.Add(new JObject { ["type"] = "RichTextBlock", ["inlines"] = new JArray { new JObject { ["type"] = "TextRun", ["text"] = line } } });
        }

        body.Add(MenuCard.TextBlock(ReportTexts.LinksExpire.Format(turn, ReportFormat.Time(links.ExpiresAt)), subtle: true));
        var actions = new JArray
        {
            new JObject { ["type"] = "Action.OpenUrl", ["title"] = ReportTexts.DownloadCsv.For(locale), ["url"] = links.CsvUrl },
            new JObject { ["type"] = "Action.OpenUrl", ["title"] = ReportTexts.DownloadExcel.For(locale), ["url"] = links.ExcelUrl },
        };
        return MenuCard.AdaptiveCard(body, actions);
    }
}
