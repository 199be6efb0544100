namespace Cppcc.Dialogs.Reports;

/// <summary>
/// What the assessment export (CSV and Excel) says: its sheet name, header and rows, in Chinese as the committee files
/// them. The host only writes the cells.
/// </summary>
public static class ReportExportTable
{
    /// <summary>The sheet name of the Excel export.</summary>
    public static string SheetName => ReportTexts.ExportSheet.Zh;

    /// <summary>The download's file name, e.g. <c>社情民意统计_20260101-20261231.csv</c>.</summary>
    public static string FileName(ReportPeriod period, string extension)
        => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{SheetName}_{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.{extension}");

    /// <summary>Header, one row per member, one per sector, and the public suggestions total; counts are <see cref="int"/>.</summary>
    public static IEnumerable<IReadOnlyList<object>> Rows(ReportStatistics stats)
    {
        yield return ReportTexts.ExportColumns.Cast<object>().ToList();
        foreach (var member in stats.Members)
        {
            yield return Row(ReportTexts.ExportMemberRow.Zh, member);
        }

        foreach (var sector in stats.Sectors)
        {
            yield return Row(ReportTexts.ExportSectorRow.Zh, sector);
        }

        yield return new object[] { ReportTexts.ExportSuggestionRow.Zh, stats.Period.ToString(), "", stats.Suggestions, "", "", "", "", "", "", "", "" };
    }

    private static IReadOnlyList<object> Row(string kind, ReportCounts counts) => new object[]
    {
        kind, counts.Name, counts.Sector, counts.Filed, counts.Accepted, counts.Forwarded, counts.AdoptedTotal,
        counts.Adopted.GetValueOrDefault(AdoptionLevel.District), counts.Adopted.GetValueOrDefault(AdoptionLevel.City),
        counts.Adopted.GetValueOrDefault(AdoptionLevel.Province), counts.Adopted.GetValueOrDefault(AdoptionLevel.National),
        counts.Adopted.GetValueOrDefault(AdoptionLevel.Instruction),
    };
}
