using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;

namespace Cppcc.Bot.Exports;

/// <summary>Rows (the first one the header) as a CSV or Excel download: the one way every table leaves the bot.</summary>
public static class TableFile
{
    /// <summary>The rows as a CSV file (<paramref name="name"/> without extension) or an Excel workbook with one sheet.</summary>
    public static ExportFile Create(IEnumerable<object?[]> rows, string name, string sheet, bool excel, Action<IXLWorksheet>? layout = null)
        => excel
            ? new ExportFile(Excel(rows, sheet, layout), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : new ExportFile(Csv(rows), "text/csv; charset=utf-8", name + ".csv");

    /// <summary>UTF-8 with a byte-order mark (so Excel opens Chinese); cells that look like formulas are escaped.</summary>
    public static byte[] Csv(IEnumerable<object?[]> rows)
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

    /// <summary>One sheet, header row bold and frozen; every cell a value (number or text), never a formula.</summary>
    public static byte[] Excel(IEnumerable<object?[]> rows, string sheetName, Action<IXLWorksheet>? layout = null)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(sheetName);
        var r = 1;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                switch (row[c])
                {
                    case int number:
                        sheet.Cell(r, c + 1).SetValue(number);
                        break;
                    case long number:
                        sheet.Cell(r, c + 1).SetValue(number);
                        break;
                    default:
                        sheet.Cell(r, c + 1).SetValue(Convert.ToString(row[c], CultureInfo.InvariantCulture) ?? "");
                        break;
                }
            }

            r++;
        }

        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        // Fixed widths only (the caller's layout): AdjustToContents needs System.Drawing (libgdiplus), absent on Linux.
        layout?.Invoke(sheet);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
