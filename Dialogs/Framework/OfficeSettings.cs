namespace Cppcc.Dialogs.Framework;

/// <summary>
/// The office's working language and time zone. Replies use them whatever the client's locale or zone: a Teams
/// client set to English must not turn the labels around Chinese content into English.
/// </summary>
/// <param name="Language"><c>zh-CN</c> or <c>en</c>.</param>
/// <param name="TimeZone">The zone times are shown in.</param>
public sealed record OfficeSettings(string Language, TimeZoneInfo TimeZone)
{
    /// <summary>The zone a district committee works in unless <c>Bot:TimeZone</c> names another.</summary>
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    /// <summary>The languages a user or the office may choose.</summary>
    public static readonly IReadOnlyList<string> Languages = new[] { "zh-CN", "en" };

    /// <summary>China Standard Time (<see cref="DefaultTimeZoneId"/>), known even on machines without tzdata.</summary>
    public static TimeZoneInfo ChinaStandardTime { get; } = FindChinaZone();

    /// <summary>Chinese, China time.</summary>
    public static OfficeSettings Default { get; } = new("zh-CN", ChinaStandardTime);

    /// <summary>The zone named <paramref name="id"/> (IANA or Windows), or null when this machine does not know it.</summary>
    public static TimeZoneInfo? FindZone(string id)
    {
        if (id == DefaultTimeZoneId)
        {
            return ChinaStandardTime;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }

    private static TimeZoneInfo FindChinaZone()
    {
        if (TimeZoneInfo.TryFindSystemTimeZoneById(DefaultTimeZoneId, out var zone))
        {
            return zone;
        }

        // A container without tzdata: China has kept UTC+8 without daylight saving since 1991.
        return TimeZoneInfo.CreateCustomTimeZone("CST+8", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
    }
}
