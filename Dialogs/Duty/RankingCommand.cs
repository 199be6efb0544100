using System.Globalization;
using Cppcc.Dialogs.Exports;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using Cppcc.Dialogs.Framework;

namespace Cppcc.Dialogs.Duty;

/// <summary>
/// Staff: <c>履职排名 [year]</c> / <c>ranking [year]</c>: members and sectors by duty points, top ten of each, with
/// CSV and Excel download links that work for staff only.
/// </summary>
public sealed class RankingCommand : ITextCommand
{
    /// <inheritdoc />
    public bool PersonalOnly => true;

    private const int Shown = 10;

    private readonly IDutyRecords _records;
    private readonly IDownloadLinks _links;
    private readonly PrivateDownload _private;
    private readonly TimeProvider _time;

    /// <summary>Creates the command.</summary>
    public RankingCommand(IDutyRecords records, IDownloadLinks links, PrivateDownload privateDownload, TimeProvider time)
    {
        _records = records;
        _links = links;
        _private = privateDownload;
        _time = time;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; } = new[] { "履职排名", "ranking" };

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
        if (!DutyYear.TryParse(arguments, _time, out var year))
        {
            await turn.SendActivityAsync(DutyTexts.BadYear.For(turn), cancellationToken: cancellationToken);
            return;
        }

        var ranking = await _records.RankingAsync(year, cancellationToken);
        var subject = year.ToString(CultureInfo.InvariantCulture);
        var csv = _links.Create(context.Caller, DutyExportKinds.RankingCsv, subject);
        var excel = _links.Create(context.Caller, DutyExportKinds.RankingExcel, subject);
        var chart = _links.Create(context.Caller, DutyExportKinds.RankingChart, subject);
        await _private.SendAsync(context, MessageFactory.Attachment(Card(turn, ranking, csv, excel, chart)), cancellationToken);
    }

    private static Microsoft.Bot.Schema.Attachment Card(ITurnContext turn, DutyRanking ranking, DownloadLink csv, DownloadLink excel, DownloadLink chart)
    {
        var body = new JArray { MenuCard.TextBlock(DutyTexts.RankingTitle.Format(turn, ranking.Year), large: true) };
        if (ranking.Members.Count == 0)
        {
            body.Add(MenuCard.TextBlock(DutyTexts.RankingEmpty.For(turn), subtle: true));
        }
        else
        {
            // A signed, expiring link rather than a data: URI: Teams limits the size of images inlined in a card.
            body.Add(new JObject
            {
                ["type"] = "Image", ["url"] = chart.Url, ["altText"] = DutyTexts.ChartAlt.Format(turn, ranking.Year), ["size"] = "Stretch",
            });
            Section(turn, body, DutyTexts.RankingMembers.Format(turn, Shown), ranking.Members);
            Section(turn, body, DutyTexts.RankingSectors.Format(turn, Shown), ranking.Sectors);
        }

        var until = OfficeClock.Local(csv.ExpiresAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        body.Add(MenuCard.TextBlock(DutyTexts.LinksExpire.Format(turn, until), subtle: true));
        var actions = new JArray
        {
            new JObject { ["type"] = "Action.OpenUrl", ["title"] = DutyTexts.DownloadCsv.For(turn), ["url"] = csv.Url },
            new JObject { ["type"] = "Action.OpenUrl", ["title"] = DutyTexts.DownloadExcel.For(turn), ["url"] = excel.Url },
        };
        return MenuCard.AdaptiveCard(body, actions);
    }

    private static void Section(ITurnContext turn, JArray body, string title, IReadOnlyList<RankedRow> rows)
    {
        body.Add(MenuCard.TextBlock(title));
        var rank = 0;
        foreach (var row in rows.Take(Shown))
        {
            rank++;
            var sector = row.Sector.Length == 0 ? "界别" : row.Sector;
            var line = DutyTexts.RankingRow.Format(turn, rank, row.Name, sector, row.Points, row.Filed, row.Adopted, row.Attended);
            // Names come from Teams profiles: a TextRun shows them as typed, never as Markdown.
            body.Add(new JObject { ["type"] = "RichTextBlock", ["inlines"] = new JArray { new JObject { ["type"] = "TextRun", ["text"] = line } } });
        }
    }
}
