using Cppcc.Dialogs.Framework;

namespace Cppcc.Dialogs.Duty;

/// <summary>The year a duty command asks about: the one named, or the current year in the office's time zone.</summary>
public static class DutyYear
{
    /// <summary>Reads <c>2026</c> (or nothing: this year); false for anything else.</summary>
    public static bool TryParse(string? arguments, TimeProvider time, out int year)
    {
        year = OfficeClock.Local(time.GetUtcNow()).Year;
        var text = InputText.Normalize(arguments).Trim().TrimEnd('年');
        if (text.Length == 0)
        {
            return true;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year)
            && year is >= 2000 and <= 2100;
    }
}
