using System.Globalization;
using Cppcc.Bot.Exports;
using Cppcc.Dialogs.Exports;
using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.Root;

namespace Cppcc.Bot.Reports;

/// <summary>Download links for the assessment export (CSV and Excel), made by the shared <see cref="IDownloadLinks"/>.</summary>
public sealed class ReportExports(IDownloadLinks links) : IReportExports
{
    /// <summary>Link kinds of the two files.</summary>
    public const string CsvKind = "report.csv", ExcelKind = "report.xlsx";

    private const string DateFormat = "yyyy-MM-dd";

    /// <inheritdoc />
    public ExportLinks CreateLinks(Caller staff, ReportPeriod period)
    {
        var csv = links.Create(staff, CsvKind, Subject(period));
        return new ExportLinks(csv.Url, links.Create(staff, ExcelKind, Subject(period)).Url, csv.ExpiresAt);
    }

    /// <summary>The period as a link subject: <c>2026-01-01..2026-12-31</c>.</summary>
    public static string Subject(ReportPeriod period)
        => period.From.ToString(DateFormat, CultureInfo.InvariantCulture) + ".." + period.To.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>The period of a link subject, or null.</summary>
    public static ReportPeriod? Period(string subject)
    {
        var parts = subject.Split("..");
        return parts.Length == 2
            && DateOnly.TryParseExact(parts[0], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            && DateOnly.TryParseExact(parts[1], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            ? new ReportPeriod(from, to) : null;
    }
}

/// <summary>The assessment export of a period as CSV or Excel, behind <c>/exports/{token}</c>.</summary>
public sealed class ReportExportSource(IReportReview review, bool excel) : IExportSource
{
    /// <inheritdoc />
    public string Kind => excel ? ReportExports.ExcelKind : ReportExports.CsvKind;

    /// <inheritdoc />
    public ExportFile? Create(string subject)
    {
        if (ReportExports.Period(subject) is not { } period)
        {
            return null;
        }

        var stats = review.Statistics(period);
        var name = ReportExportTable.FileName(period, excel ? "xlsx" : "csv");
        return excel
            ? new ExportFile(ReportExporter.Excel(stats), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name)
            : new ExportFile(ReportExporter.Csv(stats), "text/csv; charset=utf-8", name);
    }
}
