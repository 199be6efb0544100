using System.Globalization;
using Cppcc.Bot.Exports;
using Cppcc.Dialogs.Duty;

namespace Cppcc.Bot.Duty;

/// <summary>The ranking of a year as CSV or Excel behind <c>/exports/{token}</c> (subject: the year).</summary>
public sealed class RankingExportSource(IDutyRecords records, bool excel) : IExportSource
{
    private static readonly string[] Columns = ["类型", "排名", "委员/界别", "界别", "积分", "报送篇数", "采用篇数", "参加学习"];

    /// <inheritdoc />
    public string Kind => excel ? DutyExportKinds.RankingExcel : DutyExportKinds.RankingCsv;

    /// <inheritdoc />
    public ExportFile? Create(string subject)
    {
        if (!int.TryParse(subject, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            return null;
        }

        var rows = Rows(records.Ranking(year)).ToList();
        return TableFile.Create(rows, $"履职积分排名_{year}", "履职积分排名", excel, sheet =>
        {
            sheet.Column(3).Width = 24;
            sheet.Column(4).Width = 16;
        });
    }

    private static IEnumerable<object?[]> Rows(DutyRanking ranking)
    {
        yield return Columns;
        foreach (var (kind, rows) in new[] { ("委员", ranking.Members), ("界别", ranking.Sectors) })
        {
            var rank = 0;
            foreach (var row in rows)
            {
                yield return [kind, ++rank, row.Name, row.Sector, row.Points, row.Filed, row.Adopted, row.Attended];
            }
        }
    }
}
