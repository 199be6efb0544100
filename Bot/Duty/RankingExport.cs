using System.Globalization;
using ClosedXML.Excel;
using Cppcc.Bot.Exports;
using Cppcc.Dialogs.Duty;
using CsvHelper;

namespace Cppcc.Bot.Duty;

/// <summary>The ranking of a year as CSV or Excel behind <c>/exports/{token}</c> (subject: the year).</summary>
public sealed class RankingExportSource : IExportSource
{
    private static readonly string[] Columns = ["类型", "排名", "委员/界别", "界别", "积分", "报送篇数", "采用篇数", "参加学习"];

    private readonly IDutyRecords _records;
    private readonly bool _excel;

    /// <summary>Creates the source of one format.</summary>
    public RankingExportSource(IDutyRecords records, bool excel)
    {
        _records = records;
        _excel = excel;
    }

    /// <inheritdoc />
    public string Kind => _excel ? DutyExportKinds.RankingExcel : DutyExportKinds.RankingCsv;

    /// <inheritdoc />
    public async Task<ExportFile?> CreateAsync(string subject, CancellationToken cancellationToken)
    {
        if (!int.TryParse(subject, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            return null;
        }

        var rows = Rows(await _records.RankingAsync(year, cancellationToken)).ToList();
        var name = $"履职积分排名_{year}.{(_excel ? "xlsx" : "csv")}";
        return _excel
            ? new ExportFile(Excel(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name)
            : new ExportFile(Csv(rows), "text/csv; charset=utf-8", name);
    }

    private static IEnumerable<object[]> Rows(DutyRanking ranking)
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

    /// <summary>UTF-8 with a byte-order mark (so Excel opens Chinese); names that look like formulas are escaped.</summary>
    private static byte[] Csv(IEnumerable<object[]> rows)
    {
        using var stream = new MemoryStream();
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "");
                }

                csv.EndRecord();
            }
        }

        return stream.ToArray();
    }

    /// <summary>One sheet; every cell a value (number or text), never a formula.</summary>
    private static byte[] Excel(IEnumerable<object[]> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("履职积分排名");
        var r = 1;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] is int number)
                {
                    sheet.Cell(r, c + 1).SetValue(number);
                }
                else
                {
                    sheet.Cell(r, c + 1).SetValue(Convert.ToString(row[c], CultureInfo.InvariantCulture) ?? "");
                }
            }

            r++;
        }

        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        // Fixed widths: AdjustToContents needs System.Drawing (libgdiplus), absent on Linux.
        sheet.Column(3).Width = 24;
        sheet.Column(4).Width = 16;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
