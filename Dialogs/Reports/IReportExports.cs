using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Reports;

/// <summary>Creates download links for the assessment export that work for staff only, for a short time.</summary>
public interface IReportExports
{
    /// <summary>Links to the CSV and Excel export of <paramref name="period"/> for <paramref name="staff"/>.</summary>
    ExportLinks CreateLinks(Caller staff, ReportPeriod period);
}
