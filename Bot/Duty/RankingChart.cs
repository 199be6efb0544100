using System.Globalization;
using Cppcc.Bot.Exports;
using Cppcc.Bot.Reports;
using Cppcc.Dialogs.Duty;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Reports;
using ScottPlot;
using SkiaSharp;

namespace Cppcc.Bot.Duty;

/// <summary>
/// The picture on the ranking card, a PNG behind <c>/exports/{token}</c> (subject: the year): above, member reports
/// filed per month against those adopted (by the month of adoption); below, points per sector (界别).
/// </summary>
public sealed class RankingChartSource(IReportStore reports, IDutyRecords records, ChartFonts fonts, OfficeTime office) : IExportSource
{
    /// <summary>Size of the whole picture; each chart takes half its height.</summary>
    public const int Width = 900, Height = 760;

    /// <inheritdoc />
    public string Kind => DutyExportKinds.RankingChart;

    /// <inheritdoc />
    public ExportFile? Create(string subject)
    {
        if (!int.TryParse(subject, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            return null;
        }

        var (filed, adopted) = Monthly(year);
        var sectors = records.Ranking(year).Sectors;
        var font = fonts.Name;
        var top = MonthsChart(year, filed, adopted, font).GetImageBytes(Width, Height / 2, ImageFormat.Png);
        var bottom = SectorsChart(year, sectors, font).GetImageBytes(Width, Height / 2, ImageFormat.Png);
        return new ExportFile(Stack(top, bottom), "image/png", $"履职统计_{year}.png");
    }

    /// <summary>Per month (office time zone) of the year: member reports filed, and adoptions among the year's reports.</summary>
    private (double[] Filed, double[] Adopted) Monthly(int year)
    {
        var filed = new double[12];
        var adopted = new double[12];
        var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, office.Zone.GetUtcOffset(new DateTime(year, 1, 1)));
        foreach (var report in reports.FiledBetween(from.UtcDateTime, from.AddYears(1).UtcDateTime).Where(r => r.Kind == ReportKind.Report))
        {
            filed[office.Local(StoredReport.Utc(report.SubmittedAt)).Month - 1]++;
            if (report.History.LastOrDefault(h => h.To == ReportState.Adopted) is { } adoption
                && office.Local(StoredReport.Utc(adoption.At)) is { } at && at.Year == year)
            {
                adopted[at.Month - 1]++;
            }
        }

        return (filed, adopted);
    }

    private static Plot MonthsChart(int year, double[] filed, double[] adopted, string? font)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        for (var m = 0; m < 12; m++)
        {
            bars.Add(new Bar { Position = m * 3 + 1, Value = filed[m], FillColor = Colors.SteelBlue });
            bars.Add(new Bar { Position = m * 3 + 2, Value = adopted[m], FillColor = Colors.OrangeRed });
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, 12).Select(m => m * 3 + 1.5).ToArray(),
            Enumerable.Range(1, 12).Select(m => m + "月").ToArray());
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "报送", FillColor = Colors.SteelBlue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "采用", FillColor = Colors.OrangeRed });
        // Beside the bars, never over them (December or January may be the tallest).
        plot.ShowLegend(Edge.Right);
        plot.Title($"{year} 年社情民意：每月报送与采用（篇）");
        plot.Axes.Margins(bottom: 0);
        return Styled(plot, font);
    }

    private static Plot SectorsChart(int year, IReadOnlyList<RankedRow> sectors, string? font)
    {
        var plot = new Plot();
        var shown = sectors.Take(12).ToList();
        var bars = shown.Select((s, i) => new Bar { Position = i + 1, Value = s.Points, FillColor = Colors.SeaGreen }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(shown.Select((_, i) => (double)(i + 1)).ToArray(), shown.Select(s => s.Name).ToArray());
        plot.Title($"{year} 年各界别履职积分（分）");
        if (shown.Count == 0)
        {
            plot.Add.Annotation("暂无积分", Alignment.MiddleCenter);
        }

        plot.Axes.Margins(bottom: 0);
        return Styled(plot, font);
    }

    private static Plot Styled(Plot plot, string? font)
    {
        // Counts and points are whole numbers: no 0.5 on the axis.
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        if (font is not null)
        {
            plot.Font.Set(font);
            plot.Legend.FontName = font;
        }

        return plot;
    }

    /// <summary>The two charts one above the other, as one PNG.</summary>
    private static byte[] Stack(byte[] top, byte[] bottom)
    {
        using var upper = SKBitmap.Decode(top);
        using var lower = SKBitmap.Decode(bottom);
        using var surface = SKSurface.Create(new SKImageInfo(Width, upper.Height + lower.Height));
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.DrawBitmap(upper, 0, 0);
        surface.Canvas.DrawBitmap(lower, 0, upper.Height);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
