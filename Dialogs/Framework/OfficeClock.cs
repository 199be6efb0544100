using Cppcc.Dialogs.Framework.Prompts;

namespace Cppcc.Dialogs.Framework;

/// <summary>
/// The one place a moment becomes the time people read: the office's zone (<c>Bot:TimeZone</c>, China time unless
/// configured), whatever zone the client is in or a session was entered in.
/// </summary>
// REVIEW: process-wide, because the card and text builders that show times are static and also run outside a turn
// (reminders, notices). One bot process serves one office, so one zone per process is what the configuration means.
public static class OfficeClock
{
    /// <summary>The zone times are shown in.</summary>
    public static TimeZoneInfo Zone { get; private set; } = DateTimeText.ChinaStandardTime;

    /// <summary>Set once at start-up from the validated configuration.</summary>
    public static void Configure(TimeZoneInfo zone) => Zone = zone;

    /// <summary><paramref name="at"/> in the office's zone.</summary>
    public static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);
}
