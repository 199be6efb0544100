using System.Globalization;
using Cppcc.Dialogs.Framework;

namespace Cppcc.Dialogs.Duty;

/// <summary>The year a duty command asks about: the one named, or the current year in the office's time zone.</summary>
public static class DutyYear
{
    /// <summary>Reads <c>2026</c> (or nothing: this year); false for anything else.</summary>
    public static bool TryParse(string? arguments, OfficeTime office, out int year)
    {
        year = office.ThisYear;
        var text = InputText.Normalize(arguments).Trim().TrimEnd('年');
        if (text.Length == 0)
        {
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && year is >= 2000 and <= 2100;
    }
}
