using System.Globalization;
using ClosedXML.Excel;
using Cppcc.Dialogs.Reports;
using CsvHelper;

namespace Cppcc.Bot.Reports;

/// <summary>Writes <see cref="ReportExportTable"/> as CSV (CsvHelper) and as an Excel sheet (ClosedXML): same rows, same columns.</summary>
public static class ReportExporter
{
    /// <summary>UTF-8 CSV with a byte-order mark (so Excel opens Chinese correctly); cells starting with = + - @ are escaped.</summary>
    public static byte[] Csv(ReportStatistics stats)
    {
        using var stream = new MemoryStream();
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            foreach (var row in ReportExportTable.Rows(stats))
            {
                foreach (var cell in row)
                {
                    if (cell is int number)
                    {
                        csv.WriteField(number.ToString(CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        csv.WriteField(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "");
                    }
                }

                csv.EndRecord();
            }
        }

        return stream.ToArray();
    }

    /// <summary>An .xlsx workbook with one sheet; every cell is written as a value (text or number), never a formula.</summary>
    public static byte[] Excel(ReportStatistics stats)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(ReportExportTable.SheetName);
        var r = 1;
        foreach (var row in ReportExportTable.Rows(stats))
        {
            for (var c = 0; c < row.Count; c++)
            {
                var cell = sheet.Cell(r, c + 1);
                if (row[c] is int number)
                {
                    cell.SetValue(number);
                }
                else
                {
                    cell.SetValue(Convert.ToString(row[c], CultureInfo.InvariantCulture) ?? "");
                }
            }

            r++;
        }

        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        // Fixed widths: ClosedXML 0.95's AdjustToContents measures text with System.Drawing (libgdiplus), absent on Linux.
        sheet.Column(2).Width = 24;
        sheet.Column(3).Width = 16;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
