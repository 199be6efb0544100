using System.Globalization;
using System.Text.RegularExpressions;
using Cppcc.Dialogs.Framework;

namespace Cppcc.Dialogs.Audit;

/// <summary>
/// Which records <c>操作记录</c> shows or exports. Written as words separated by spaces, in any order:
/// a number (how many, 1–100), a day <c>2026-06-01</c>, a month <c>2026-06</c> or a range <c>2026-06-01..2026-06-30</c>
/// (office time zone), and any other word, which must appear in the actor's name or id, the action or the target
/// (e.g. <c>张三</c>, <c>report.transition</c>, <c>SQ-2026-000001</c>).
/// </summary>
/// <param name="Words">Words every matching record contains.</param>
/// <param name="From">First day, in <paramref name="Zone"/>.</param>
/// <param name="To">Last day, in <paramref name="Zone"/>.</param>
/// <param name="Count">How many records a card shows.</param>
/// <param name="Zone">The office's zone, in which a record's day is counted.</param>
public sealed partial record AuditFilter(IReadOnlyList<string> Words, DateOnly? From, DateOnly? To, int Count, TimeZoneInfo Zone)
{
    /// <summary>Records shown when no count is given.</summary>
    public const int DefaultCount = 20;

    /// <summary>Most records a card shows.</summary>
    public const int MaxCount = 100;

    /// <summary>True when something narrows the records (a count alone does not).</summary>
    public bool Narrows => Words.Count > 0 || From is not null || To is not null;

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?$")]
    private static partial Regex DayRange();

    [GeneratedRegex(@"^(\d{4})-(\d{2})$")]
    private static partial Regex Month();

    /// <summary>Reads the words after the command; false (and nothing) when a count or date does not fit.</summary>
    public static bool TryParse(string? arguments, OfficeTime office, out AuditFilter filter)
    {
        // No filter: the newest DefaultCount.
        filter = new AuditFilter([], null, null, DefaultCount, office.Zone);
        var words = new List<string>();
        DateOnly? from = null, to = null;
        int? count = null;
        foreach (var word in InputText.Fold(arguments).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.All(char.IsAsciiDigit))
            {
                if (count is not null || !int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > MaxCount)
                {
                    return false;
                }

                count = n;
            }
            else if (DayRange().Match(word) is { Success: true } days)
            {
                if (from is not null || !TryDay(days.Groups[1].Value, out var first))
                {
                    return false;
                }

                var last = first;
                if (days.Groups[2].Success && (!TryDay(days.Groups[2].Value, out last) || last < first))
                {
                    return false;
                }

                (from, to) = (first, last);
            }
            else if (Month().Match(word) is { Success: true } month)
            {
                if (from is not null || !TryDay(word + "-01", out var first))
                {
                    return false;
                }

                (from, to) = (first, first.AddMonths(1).AddDays(-1));
            }
            else if (word.Contains('|', StringComparison.Ordinal))
            {
                // The filter travels inside a signed download link, whose fields are separated by '|'.
                return false;
            }
            else
            {
                words.Add(word);
            }
        }

        filter = new AuditFilter(words, from, to, count ?? DefaultCount, office.Zone);
        return true;
    }

    /// <summary>The filter as words <see cref="TryParse"/> reads back (without the count), e.g. for a download link.</summary>
    public string ToText()
    {
        var parts = new List<string>(Words);
        if (From is { } from && To is { } to)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}"));
        }

        return string.Join(' ', parts);
    }

    /// <summary>True when <paramref name="entry"/> is one of the records asked for.</summary>
    public bool Matches(AuditEntry entry)
    {
        if (From is { } from || To is not null)
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(entry.At, Zone).DateTime);
            if ((From is { } f && day < f) || (To is { } t && day > t))
            {
                return false;
            }
        }

        return Words.All(w => Has(entry.ActorName, w) || Has(entry.ActorKey, w) || Has(entry.Action, w) || Has(entry.Target, w));
    }

    private static bool Has(string field, string word) => field.Contains(word, StringComparison.OrdinalIgnoreCase);

    private static bool TryDay(string text, out DateOnly day)
        => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
