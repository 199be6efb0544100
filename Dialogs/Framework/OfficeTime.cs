namespace Cppcc.Dialogs.Framework;

/// <summary>
/// The office's clock: <see cref="TimeProvider"/> for the instant, the configured zone (<c>Bot:TimeZone</c>) for the
/// date and time people read, whatever zone the client is in or a session was entered in. Years of report references,
/// "today" for knowledge-base validity and every time shown to users come from here.
/// </summary>
/// <param name="time">The only clock.</param>
/// <param name="settings">The validated office settings.</param>
public sealed class OfficeTime(TimeProvider time, OfficeSettings settings)
{
    /// <summary>The zone times are shown in.</summary>
    public TimeZoneInfo Zone => settings.TimeZone;

    /// <summary>The current instant (UTC).</summary>
    public DateTimeOffset UtcNow => time.GetUtcNow();

    /// <summary>The current time in the office's zone.</summary>
    public DateTimeOffset Now => Local(time.GetUtcNow());

    /// <summary>Today's date in the office's zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    /// <summary>The current year in the office's zone.</summary>
    public int ThisYear => Now.Year;

    /// <summary><paramref name="at"/> in the office's zone.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>The office's year at <paramref name="at"/> (a filing on 31 December 20:00 UTC is next year in China).</summary>
    public int Year(DateTimeOffset at) => Local(at).Year;
}
