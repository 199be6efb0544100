using System.ComponentModel.DataAnnotations;

namespace Cppcc.Dialogs.Duty;

/// <summary>
/// Points of the duty record (履职积分) per counted fact. The host binds them from <c>DutyPoints:*</c> and checks the
/// ranges at start-up; the defaults are the office's usual weighting, heavier the higher the level that adopted a report.
/// </summary>
public record DutyPointsRules
{
    /// <summary>Per report filed.</summary>
    [Range(0, 100)]
    public int Filed { get; init; } = 1;

    /// <summary>Per report adopted at district level.</summary>
    [Range(0, 100)]
    public int AdoptedDistrict { get; init; } = 3;

    /// <summary>Per report adopted at city level.</summary>
    [Range(0, 100)]
    public int AdoptedCity { get; init; } = 5;

    /// <summary>Per report adopted at provincial level.</summary>
    [Range(0, 100)]
    public int AdoptedProvince { get; init; } = 8;

    /// <summary>Per report adopted nationally.</summary>
    [Range(0, 100)]
    public int AdoptedNational { get; init; } = 10;

    /// <summary>Per report with a leader's instruction (批示).</summary>
    [Range(0, 100)]
    public int Instruction { get; init; } = 12;

    /// <summary>Per study session attended.</summary>
    [Range(0, 100)]
    public int Attended { get; init; } = 1;

    /// <summary>Per session neither answered nor attended (absent without leave): zero or a penalty.</summary>
    [Range(-100, 0)]
    public int AbsentWithoutLeave { get; init; } = -1;
}
