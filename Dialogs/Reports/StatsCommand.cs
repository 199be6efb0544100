using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Reports;

/// <summary>
/// Staff: <c>统计 [2026 | 2026-03 | 2026-01-01 2026-06-30]</c> (also <c>stats</c>): the assessment numbers per member and
/// per sector for the period, with short-lived CSV and Excel download links that work for staff only.
/// </summary>
public sealed class StatsCommand(IReportReview review, IReportExports exports, OfficeTime office, Exports.PrivateDownload privateDownload) : ITextCommand
{
    private const int MembersShown = 10;

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
        var year = office.ThisYear;
        if (!ReportPeriod.TryParse(arguments, year, out var period))
        {
            await turn.SendActivityAsync(ReportTexts.BadPeriod.For(turn), cancellationToken: cancellationToken);
            return;
        }

        var stats = review.Statistics(period);
        var links = exports.CreateLinks(context.Caller, period);
        await privateDownload.SendAsync(context, MessageFactory.Attachment(Card(turn, stats, links, office)), cancellationToken);
    }

    private static Microsoft.Bot.Schema.Attachment Card(ITurnContext turn, ReportStatistics stats, ExportLinks links, OfficeTime office)
    {
        var locale = turn.Activity.Locale;
        int Level(AdoptionLevel l) => stats.Members.Sum(m => m.Adopted.GetValueOrDefault(l));
        var card = new AdaptiveCardBuilder()
            .Title(ReportTexts.StatsTitle.Format(turn, stats.Period))
            .Text(ReportTexts.StatsLine.Format(turn, stats.Members.Count, stats.Members.Sum(m => m.Filed),
                stats.Members.Sum(m => m.Accepted), stats.Members.Sum(m => m.Forwarded), stats.Members.Sum(m => m.AdoptedTotal),
                Level(AdoptionLevel.District), Level(AdoptionLevel.City), Level(AdoptionLevel.Province), Level(AdoptionLevel.National),
                Level(AdoptionLevel.Instruction), stats.Suggestions));
        foreach (var row in stats.Members.Take(MembersShown).Concat(stats.Sectors))
        {
            // Names come from Teams profiles: shown as typed, never as Markdown.
            card.UserText(ReportTexts.StatsMemberLine.Format(turn, row.Name, row.Sector.Length == 0 ? "界别" : row.Sector, row.Filed, row.Accepted,
                row.Forwarded, row.AdoptedTotal));
        }

        return card
            .Text(ReportTexts.LinksExpire.Format(turn, ReportFormat.Time(links.ExpiresAt, office)), subtle: true)
            .OpenUrl(ReportTexts.DownloadCsv.For(locale), links.CsvUrl)
            .OpenUrl(ReportTexts.DownloadExcel.For(locale), links.ExcelUrl)
            .Build();
    }
}
