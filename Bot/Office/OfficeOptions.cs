using Cppcc.Dialogs.Framework;

namespace Cppcc.Bot.Office;

/// <summary>The office's language and time zone (section <c>Bot</c>); a client's locale or zone never overrides them.</summary>
public sealed class OfficeOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Bot";

    /// <summary><c>zh-CN</c> (default) or <c>en</c>.</summary>
    public string DefaultLanguage { get; set; } = "zh-CN";

    /// <summary>IANA (or Windows) id of the zone times are shown in.</summary>
    public string TimeZone { get; set; } = OfficeSettings.DefaultTimeZoneId;

    /// <summary>The zone named <paramref name="id"/>, or null when this machine does not know it.</summary>
    public static TimeZoneInfo? FindZone(string id) => OfficeSettings.FindZone(id);

    /// <summary>The validated settings for the dialogs.</summary>
    public OfficeSettings ToSettings() => new(DefaultLanguage, FindZone(TimeZone) ?? OfficeSettings.ChinaStandardTime);
}
