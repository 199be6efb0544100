namespace Cppcc.Dialogs.Reports;

/// <summary>A period of filing dates (China time), both ends included.</summary>
/// <param name="From">First day.</param>
/// <param name="To">Last day.</param>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    /// <summary>A calendar year.</summary>
    public static ReportPeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>Reads <c>2026</c>, <c>2026-03</c> or <c>2026-01-01 2026-06-30</c> (also with 至, ~ or 到); empty means <paramref name="defaultYear"/>.</summary>
    public static bool TryParse(string? text, int defaultYear, out ReportPeriod period)
    {
        period = Year(defaultYear);
        var parts = Framework.InputText.Normalize(text)
            .Split(new[] { ' ', '~', '至', '到', ',' }, StringSplitOptions.RemoveEmptyEntries);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        switch (parts.Length)
        {
            case 0:
                return true;
            case 1 when parts[0].Length == 4 && int.TryParse(parts[0], inv, out var year) && year is >= 2000 and <= 2100:
                period = Year(year);
                return true;
            case 1 when DateOnly.TryParseExact(parts[0] + "-01", "yyyy-MM-dd", inv, System.Globalization.DateTimeStyles.None, out var month):
                period = new ReportPeriod(month, month.AddMonths(1).AddDays(-1));
                return true;
            case 2 when DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", inv, System.Globalization.DateTimeStyles.None, out var from)
                        && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", inv, System.Globalization.DateTimeStyles.None, out var to)
                        && from <= to:
                period = new ReportPeriod(from, to);
                return true;
            default:
                return false;
        }
    }

    /// <summary><c>2026-01-01 ~ 2026-12-31</c>.</summary>
    public override string ToString() => $"{From:yyyy-MM-dd} ~ {To:yyyy-MM-dd}";
}

/// <summary>Counts of one member or one sector for the assessment (考核/履职积分).</summary>
/// <param name="Name">Member's name or the sector (界别).</param>
/// <param name="Sector">The member's sector (empty for sector rows).</param>
/// <param name="Filed">Reports filed in the period.</param>
/// <param name="Accepted">Of those, passed review at some point.</param>
/// <param name="Forwarded">Of those, forwarded.</param>
/// <param name="Adopted">Of those, adopted, by level.</param>
public sealed record ReportCounts(string Name, string Sector, int Filed, int Accepted, int Forwarded, IReadOnlyDictionary<AdoptionLevel, int> Adopted)
{
    /// <summary>The sector shown for a member who has not set one (exports are in Chinese).</summary>
    public static string NoSector => ReportTexts.NoSector.Zh;

    /// <summary>Adopted at any level.</summary>
    public int AdoptedTotal => Adopted.Values.Sum();
}

/// <summary>The assessment numbers of a period: member reports only (public suggestions are counted apart).</summary>
/// <param name="Period">The period.</param>
/// <param name="Members">One row per member, most filed first.</param>
/// <param name="Sectors">One row per sector.</param>
/// <param name="Suggestions">Public suggestions filed in the period.</param>
public sealed record ReportStatistics(ReportPeriod Period, IReadOnlyList<ReportCounts> Members, IReadOnlyList<ReportCounts> Sectors, int Suggestions);

/// <summary>Short-lived download links for staff.</summary>
/// <param name="CsvUrl">CSV download.</param>
/// <param name="ExcelUrl">Excel (.xlsx) download.</param>
/// <param name="ExpiresAt">When both stop working.</param>
public sealed record ExportLinks(string CsvUrl, string ExcelUrl, DateTimeOffset ExpiresAt);
