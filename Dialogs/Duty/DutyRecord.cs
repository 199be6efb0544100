using Cppcc.Dialogs.Reports;

namespace Cppcc.Dialogs.Duty;

/// <summary>What one member did in a year, as counted from the report and session stores.</summary>
/// <param name="Year">Calendar year (office time zone).</param>
/// <param name="Name">The member's name.</param>
/// <param name="Sector">The member's sector (界别), empty when unknown.</param>
/// <param name="Filed">Reports filed in the year.</param>
/// <param name="Accepted">Of those, passed review at some point.</param>
/// <param name="Forwarded">Of those, forwarded.</param>
/// <param name="Replied">Of those, with a department's reply recorded.</param>
/// <param name="Adopted">Of those, adopted, by level (批示 counts as a level).</param>
/// <param name="Attended">Sessions of the year, already begun, the member said they attend.</param>
/// <param name="AbsentWithLeave">Sessions the member answered absent (请假).</param>
/// <param name="NotAnswered">Sessions the member was invited to and never answered.</param>
public sealed record DutyCounts(int Year, string Name, string Sector, int Filed, int Accepted, int Forwarded, int Replied,
    IReadOnlyDictionary<AdoptionLevel, int> Adopted, int Attended, int AbsentWithLeave, int NotAnswered)
{
    /// <summary>Adopted at any level.</summary>
    public int AdoptedTotal => Adopted.Values.Sum();
}

/// <summary>One line of the points sum: how many, at how many points each.</summary>
/// <param name="Item">What was counted.</param>
/// <param name="Count">How many.</param>
/// <param name="Each">Points each.</param>
public sealed record PointsLine(DutyItem Item, int Count, int Each)
{
    /// <summary>Points of the line.</summary>
    public int Points => Count * Each;
}

/// <summary>The counted facts that earn (or cost) points.</summary>
public enum DutyItem
{
    /// <summary>Report filed.</summary>
    Filed,
    /// <summary>Adopted at district level.</summary>
    AdoptedDistrict,
    /// <summary>Adopted at city level.</summary>
    AdoptedCity,
    /// <summary>Adopted at provincial level.</summary>
    AdoptedProvince,
    /// <summary>Adopted nationally.</summary>
    AdoptedNational,
    /// <summary>Leader's instruction.</summary>
    Instruction,
    /// <summary>Session attended.</summary>
    Attended,
    /// <summary>Session neither answered nor attended.</summary>
    AbsentWithoutLeave,
}

/// <summary>The points of a year's counts, line by line.</summary>
public static class DutyScoring
{
    /// <summary>Every rule with a non-zero count, in the order the card explains them.</summary>
    public static IReadOnlyList<PointsLine> Lines(DutyCounts counts, DutyPointsRules rules)
    {
        var lines = new List<PointsLine>
        {
            new(DutyItem.Filed, counts.Filed, rules.Filed),
            new(DutyItem.AdoptedDistrict, counts.Adopted.GetValueOrDefault(AdoptionLevel.District), rules.AdoptedDistrict),
            new(DutyItem.AdoptedCity, counts.Adopted.GetValueOrDefault(AdoptionLevel.City), rules.AdoptedCity),
            new(DutyItem.AdoptedProvince, counts.Adopted.GetValueOrDefault(AdoptionLevel.Province), rules.AdoptedProvince),
            new(DutyItem.AdoptedNational, counts.Adopted.GetValueOrDefault(AdoptionLevel.National), rules.AdoptedNational),
            new(DutyItem.Instruction, counts.Adopted.GetValueOrDefault(AdoptionLevel.Instruction), rules.Instruction),
            new(DutyItem.Attended, counts.Attended, rules.Attended),
            // Answering "absent" is leave (请假): only silence costs points.
            new(DutyItem.AbsentWithoutLeave, counts.NotAnswered, rules.AbsentWithoutLeave),
        };
        return lines.Where(l => l.Count != 0).ToList();
    }

    /// <summary>The sum of the lines.</summary>
    public static int Total(DutyCounts counts, DutyPointsRules rules) => Lines(counts, rules).Sum(l => l.Points);

    /// <summary>
    /// Members by points (then reports filed, then name), and their sectors by the sum of their members; a member with no
    /// sector counts under <see cref="DutyTexts.SectorNotSet"/>.
    /// </summary>
    public static DutyRanking Rank(int year, IEnumerable<DutyCounts> members, DutyPointsRules rules)
    {
        var rows = members
            .Select(c => new RankedRow(c.Name, c.Sector.Length > 0 ? c.Sector : DutyTexts.SectorNotSet.Zh, Total(c, rules), c.Filed,
                c.AdoptedTotal, c.Attended))
            .OrderByDescending(r => r.Points).ThenByDescending(r => r.Filed).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        var sectors = rows.GroupBy(m => m.Sector)
            .Select(g => new RankedRow(g.Key, "", g.Sum(m => m.Points), g.Sum(m => m.Filed), g.Sum(m => m.Adopted), g.Sum(m => m.Attended)))
            .OrderByDescending(r => r.Points).ThenByDescending(r => r.Filed).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        return new DutyRanking(year, rows, sectors);
    }
}

/// <summary>One row of the ranking.</summary>
/// <param name="Name">Member's name or sector.</param>
/// <param name="Sector">The member's sector (empty on sector rows).</param>
/// <param name="Points">Points of the year.</param>
/// <param name="Filed">Reports filed.</param>
/// <param name="Adopted">Reports adopted at any level.</param>
/// <param name="Attended">Sessions attended.</param>
public sealed record RankedRow(string Name, string Sector, int Points, int Filed, int Adopted, int Attended);

/// <summary>Members and sectors by points, highest first.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Members">Members.</param>
/// <param name="Sectors">Sectors (sum of their members).</param>
public sealed record DutyRanking(int Year, IReadOnlyList<RankedRow> Members, IReadOnlyList<RankedRow> Sectors);
