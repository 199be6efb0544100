using Cppcc.Dialogs.Duty;

namespace Cppcc.Bot.Duty;

/// <summary>
/// The points of the duty record as configured (section <c>DutyPoints</c>): the conversation's own
/// <see cref="DutyPointsRules"/> with their ranges, bound directly, so the start-up check names a value that does not fit.
/// </summary>
public sealed record DutyPointsOptions : DutyPointsRules
{
    /// <summary>Configuration section.</summary>
    public const string Section = "DutyPoints";
}
