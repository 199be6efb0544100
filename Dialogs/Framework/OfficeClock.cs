namespace Cppcc.Dialogs.Framework;

/// <summary>
/// The office's zone (<c>Bot:TimeZone</c>) for the static card and text builders that show times; services take
/// <see cref="OfficeTime"/> instead. Set at start-up from the same validated setting <see cref="OfficeTime"/> reads.
/// </summary>
// REVIEW: process-wide, because the card and text builders that show times are static and also run outside a turn
// (reminders, notices). One bot process serves one office, so one zone per process is what the configuration means;
// it goes once those builders take an OfficeTime.
public static class OfficeClock
{
    /// <summary>The zone times are shown in.</summary>
    public static TimeZoneInfo Zone { get; private set; } = OfficeSettings.ChinaStandardTime;

    /// <summary>Set once at start-up from the validated configuration.</summary>
    public static void Configure(TimeZoneInfo zone) => Zone = zone;

    /// <summary><paramref name="at"/> in the office's zone.</summary>
    public static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);
}
