using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Duty;

/// <summary>Counts of the duty record (implemented by the host over its report, session and RSVP stores).</summary>
public interface IDutyRecords
{
    /// <summary>The counts of <paramref name="member"/> for <paramref name="year"/>.</summary>
    DutyCounts ForMember(Caller member, int year);

    /// <summary>Every member with something counted in <paramref name="year"/>, and their sectors, ranked by <see cref="DutyScoring.Rank"/>.</summary>
    DutyRanking Ranking(int year);
}
