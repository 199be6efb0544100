using System.Globalization;
using Cppcc.Dialogs.Exports;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Duty;

/// <summary>
/// Staff: <c>履职排名 [year]</c> / <c>ranking [year]</c>: members and sectors by duty points, top ten of each, with
/// CSV and Excel download links that work for staff only.
/// </summary>
public sealed class RankingCommand(IDutyRecords records, IDownloadLinks links, PrivateDownload privateDownload, OfficeTime office) : ITextCommand
{
    private const int Shown = 10;

    /// <inheritdoc />
    public bool PersonalOnly => true;

    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; } = ["履职排名", "ranking"];

    /// <inheritdoc />
    public bool TakesArguments => true;

    /// <inheritdoc />
    public Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    public MenuItem? Menu { get; } = new(DutyTexts.MenuRanking, 33, ShownFrom: Role.Staff);

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        if (!DutyYear.TryParse(arguments, office, out var year))
        {
            await turn.SendActivityAsync(DutyTexts.BadYear.For(turn), cancellationToken: cancellationToken);
            return;
        }

        var ranking = records.Ranking(year);
        var subject = year.ToString(CultureInfo.InvariantCulture);
        var csv = links.Create(context.Caller, DutyExportKinds.RankingCsv, subject);
        var excel = links.Create(context.Caller, DutyExportKinds.RankingExcel, subject);
        var chart = links.Create(context.Caller, DutyExportKinds.RankingChart, subject);
        await privateDownload.SendAsync(context, MessageFactory.Attachment(Card(turn, ranking, csv, excel, chart, office)), cancellationToken);
    }

    private static Attachment Card(ITurnContext turn, DutyRanking ranking, DownloadLink csv, DownloadLink excel, DownloadLink chart, OfficeTime office)
    {
        var card = new AdaptiveCardBuilder().Title(DutyTexts.RankingTitle.Format(turn, ranking.Year));
        if (ranking.Members.Count == 0)
        {
            card.Text(DutyTexts.RankingEmpty.For(turn), subtle: true);
        }
        else
        {
            // A signed, expiring link rather than a data: URI: Teams limits the size of images inlined in a card.
            card.Image(chart.Url, DutyTexts.ChartAlt.Format(turn, ranking.Year));
            Section(turn, card, DutyTexts.RankingMembers.Format(turn, Shown), ranking.Members);
            Section(turn, card, DutyTexts.RankingSectors.Format(turn, Shown), ranking.Sectors);
        }

        return card
            .Text(DutyTexts.LinksExpire.Format(turn, DownloadCard.Until(csv, office)), subtle: true)
            .OpenUrl(DutyTexts.DownloadCsv.For(turn), csv.Url)
            .OpenUrl(DutyTexts.DownloadExcel.For(turn), excel.Url)
            .Build();
    }

    private static void Section(ITurnContext turn, AdaptiveCardBuilder card, string title, IReadOnlyList<RankedRow> rows)
    {
        card.Text(title);
        var rank = 0;
        foreach (var row in rows.Take(Shown))
        {
            rank++;
            var sector = row.Sector.Length == 0 ? "界别" : row.Sector;
            // Names come from Teams profiles: shown as typed, never as Markdown.
            card.UserText(DutyTexts.RankingRow.Format(turn, rank, row.Name, sector, row.Points, row.Filed, row.Adopted, row.Attended));
        }
    }
}
