namespace Cppcc.Dialogs.Duty;

/// <summary>Download kinds of the ranking (subject: the year); the host registers a file source for each.</summary>
public static class DutyExportKinds
{
    /// <summary>The ranking as CSV.</summary>
    public const string RankingCsv = "ranking.csv";

    /// <summary>The ranking as an Excel workbook.</summary>
    public const string RankingExcel = "ranking.xlsx";

    /// <summary>The ranking card's chart (reports per month, points per sector) as a PNG.</summary>
    public const string RankingChart = "ranking.png";
}
