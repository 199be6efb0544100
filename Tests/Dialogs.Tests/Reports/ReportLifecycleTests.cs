using Cppcc.Dialogs.Reports;

namespace Cppcc.Dialogs.Tests.Reports;

public class ReportLifecycleTests
{
    private static readonly (ReportState From, ReportState To)[] Allowed =
    {
        (ReportState.Submitted, ReportState.Accepted), (ReportState.Submitted, ReportState.Returned),
        (ReportState.Returned, ReportState.Closed),
        (ReportState.Accepted, ReportState.Forwarded), (ReportState.Accepted, ReportState.Adopted), (ReportState.Accepted, ReportState.Closed),
        (ReportState.Forwarded, ReportState.Replied), (ReportState.Forwarded, ReportState.Adopted), (ReportState.Forwarded, ReportState.Closed),
        (ReportState.Replied, ReportState.Adopted), (ReportState.Replied, ReportState.Closed),
        (ReportState.Adopted, ReportState.Closed),
    };

    public static TheoryData<ReportState, ReportState> EveryPair()
    {
        var data = new TheoryData<ReportState, ReportState>();
        foreach (var from in Enum.GetValues<ReportState>())
        {
            foreach (var to in Enum.GetValues<ReportState>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Only_the_listed_moves_are_allowed(ReportState from, ReportState to)
        => Assert.Equal(Allowed.Contains((from, to)), ReportLifecycle.CanMove(from, to));

    [Theory]
    [InlineData(ReportState.Returned, null, null, false, "note")]
    [InlineData(ReportState.Forwarded, "备注", null, false, "department")]
    [InlineData(ReportState.Replied, null, "区教育局", false, "note")]
    [InlineData(ReportState.Adopted, "很好", null, false, "level")]
    [InlineData(ReportState.Returned, "事实不清", null, false, null)]
    [InlineData(ReportState.Forwarded, null, "区教育局", false, null)]
    [InlineData(ReportState.Adopted, null, null, true, null)]
    [InlineData(ReportState.Accepted, null, null, false, null)]
    [InlineData(ReportState.Closed, null, null, false, null)]
    public void Moves_that_need_a_field_name_it(ReportState to, string? note, string? department, bool level, string? missing)
    {
        var request = new TransitionRequest("SQ-2026-000001", to, note, department, level ? AdoptionLevel.City : null);
        Assert.Equal(missing, ReportLifecycle.MissingField(request)?.Field);
    }

    [Theory]
    [InlineData("returned", ReportState.Returned)]
    [InlineData("退回", ReportState.Returned)]
    [InlineData("Forwarded", ReportState.Forwarded)]
    [InlineData("已采用", ReportState.Adopted)]
    public void States_are_read_from_wire_names_and_labels(string text, ReportState expected)
    {
        Assert.True(ReportNames.TryParseState(text, out var state));
        Assert.Equal(expected, state);
    }

    [Theory]
    [InlineData("instruction", AdoptionLevel.Instruction)]
    [InlineData("批示", AdoptionLevel.Instruction)]
    [InlineData("省级", AdoptionLevel.Province)]
    [InlineData("national", AdoptionLevel.National)]
    public void Levels_are_read_from_wire_names_and_labels(string text, AdoptionLevel expected)
    {
        Assert.True(ReportNames.TryParseLevel(text, out var level));
        Assert.Equal(expected, level);
    }
}
