using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Reports;

namespace Cppcc.Bot.Reports;

/// <summary>
/// The assessment numbers (考核/履职积分): member reports first filed in the period (dates in the office's time zone), per member and per
/// sector; accepted / forwarded / adopted count the reports that reached that step at any time so far.
/// </summary>
public static class ReportCounting
{
    /// <summary>Counts the period.</summary>
    public static ReportStatistics Count(ReportPeriod period, IReportStore store, IReadOnlyDictionary<string, string> sectors, OfficeTime office)
    {
        var zone = office.Zone;
        DateTime Utc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone);
        var filed = store.FiledBetween(Utc(period.From), Utc(period.To.AddDays(1)));

        var members = filed.Where(r => r.Kind == ReportKind.Report)
            .GroupBy(r => r.AuthorKey)
            .Select(g => Row(g.MaxBy(r => r.Sequence)!.AuthorName, sectors.GetValueOrDefault(g.Key) ?? ReportCounts.NoSector, g.ToList()))
            .OrderByDescending(r => r.Filed).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        var bySector = members.GroupBy(m => m.Sector)
            .Select(g => new ReportCounts(g.Key, "", g.Sum(m => m.Filed), g.Sum(m => m.Accepted), g.Sum(m => m.Forwarded),
                Enum.GetValues<AdoptionLevel>().ToDictionary(l => l, l => g.Sum(m => m.Adopted.GetValueOrDefault(l)))))
            .OrderByDescending(r => r.Filed).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        return new ReportStatistics(period, members, bySector, filed.Count(r => r.Kind == ReportKind.Suggestion));
    }

    private static ReportCounts Row(string name, string sector, IReadOnlyList<StoredReport> reports)
    {
        bool Reached(StoredReport r, ReportState state) => r.History.Any(h => h.To == state);
        var adopted = Enum.GetValues<AdoptionLevel>().ToDictionary(l => l, _ => 0);
        foreach (var report in reports)
        {
            if (report.History.LastOrDefault(h => h.To == ReportState.Adopted)?.Level is { } level)
            {
                adopted[level]++;
            }
        }

        return new ReportCounts(name, sector, reports.Count, reports.Count(r => Reached(r, ReportState.Accepted)),
            reports.Count(r => Reached(r, ReportState.Forwarded)), adopted);
    }
}
