using System.ComponentModel.DataAnnotations;
using Cppcc.Dialogs.Duty;

namespace Cppcc.Bot.Duty;

/// <summary>Points of the duty record (section <c>DutyPoints</c>); the defaults are those of <see cref="DutyPointsRules"/>.</summary>
public sealed class DutyPointsOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "DutyPoints";

    private static readonly DutyPointsRules Defaults = new();

    /// <summary>Per report filed.</summary>
    [Range(0, 100)]
    public int Filed { get; set; } = Defaults.Filed;

    /// <summary>Per report adopted at district level.</summary>
    [Range(0, 100)]
    public int AdoptedDistrict { get; set; } = Defaults.AdoptedDistrict;

    /// <summary>Per report adopted at city level.</summary>
    [Range(0, 100)]
    public int AdoptedCity { get; set; } = Defaults.AdoptedCity;

    /// <summary>Per report adopted at provincial level.</summary>
    [Range(0, 100)]
    public int AdoptedProvince { get; set; } = Defaults.AdoptedProvince;

    /// <summary>Per report adopted nationally.</summary>
    [Range(0, 100)]
    public int AdoptedNational { get; set; } = Defaults.AdoptedNational;

    /// <summary>Per leader's instruction (批示).</summary>
    [Range(0, 100)]
    public int Instruction { get; set; } = Defaults.Instruction;

    /// <summary>Per session attended.</summary>
    [Range(0, 100)]
    public int Attended { get; set; } = Defaults.Attended;

    /// <summary>Per session neither answered nor attended: zero or a penalty.</summary>
    [Range(-100, 0)]
    public int AbsentWithoutLeave { get; set; } = Defaults.AbsentWithoutLeave;

    /// <summary>The rules the conversation uses.</summary>
    public DutyPointsRules ToRules() => new()
    {
        Filed = Filed, AdoptedDistrict = AdoptedDistrict, AdoptedCity = AdoptedCity, AdoptedProvince = AdoptedProvince,
        AdoptedNational = AdoptedNational, Instruction = Instruction, Attended = Attended, AbsentWithoutLeave = AbsentWithoutLeave,
    };
}
