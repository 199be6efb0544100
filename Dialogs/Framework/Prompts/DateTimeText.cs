using System.Globalization;
using System.Text.RegularExpressions;

namespace Cppcc.Dialogs.Framework.Prompts;

/// <summary>
/// Reads a date and time as people type them here: ISO-8601 (with or without offset), <c>2026-12-01 14:30</c>,
/// <c>2026/12/1 14:30</c>, <c>2026年12月1日 14:30</c> / <c>14点30</c>, <c>12月1日 9点</c> (this or next year),
/// <c>今天/明天/后天 15:00</c>. Times without an offset are read in the given zone.
/// </summary>
public static partial class DateTimeText
{
    /// <summary>China Standard Time; the office's zone is <see cref="OfficeTime.Zone"/>.</summary>
    // REVIEW: kept while the feature branches that still name it merge; new code takes OfficeTime.
    public static TimeZoneInfo ChinaStandardTime => OfficeSettings.ChinaStandardTime;

    /// <summary>Parses <paramref name="input"/>; relative words count from <paramref name="now"/>.</summary>
    public static bool TryParse(string? input, DateTimeOffset now, TimeZoneInfo zone, out DateTimeOffset value)
    {
        value = default;
        var text = InputText.Normalize(input);
        if (text.Length == 0)
        {
            return false;
        }

        if (HasExplicitOffset().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return true;
        }

        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        var match = ChineseOrNumeric().Match(text);
        if (!match.Success)
        {
            return false;
        }

        DateTime date;
        if (match.Groups["rel"].Success)
        {
            var days = match.Groups["rel"].Value switch { "今天" => 0, "明天" => 1, _ => 2 };
            date = localNow.Date.AddDays(days);
        }
        else
        {
            var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
            var year = match.Groups["y"].Success ? int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture) : localNow.Year;
            if (month is < 1 or > 12 || day < 1 || year is < 2000 or > 2100 || day > DateTime.DaysInMonth(year, month))
            {
                return false;
            }

            date = new DateTime(year, month, day);
            if (!match.Groups["y"].Success && date < localNow.Date)
            {
                date = date.AddYears(1);
            }
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["min"].Success ? int.Parse(match.Groups["min"].Value, CultureInfo.InvariantCulture) : 0;
        if (match.Groups["pm"].Success && hour < 12)
        {
            hour += 12;
        }

        if (hour > 23 || minute > 59)
        {
            return false;
        }

        var local = date.AddHours(hour).AddMinutes(minute);
        value = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return true;
    }

    [GeneratedRegex(@"(t\d{1,2}:\d{2}.*|\s\d{1,2}:\d{2}(:\d{2})?\s?)([+-]\d{2}:?\d{2}|z)$")]
    private static partial Regex HasExplicitOffset();

    [GeneratedRegex(@"^(?:(?<rel>今天|明天|后天)|(?:(?<y>\d{4})\s*[-/年.]\s*)?(?<m>\d{1,2})\s*[-/月.]\s*(?<d>\d{1,2})\s*[日号]?)\s*[t ]?\s*(?<pm>下午|晚上)?\s*(?:上午|早上)?\s*(?<h>\d{1,2})\s*(?:[:点时]\s*(?<min>\d{1,2})?\s*分?)?$")]
    private static partial Regex ChineseOrNumeric();
}
