namespace Cppcc.Dialogs.Reports;

/// <summary>
/// Which state may follow which: submitted -> accepted | returned; accepted -> forwarded (or straight to
/// adopted when compiled and used at once); forwarded -> replied | adopted; replied -> adopted; any reviewed state ->
/// closed. A returned report goes back to submitted only when its author resubmits it.
/// </summary>
public static class ReportLifecycle
{
    private static readonly Dictionary<ReportState, ReportState[]> Next = new()
    {
        [ReportState.Submitted] = new[] { ReportState.Accepted, ReportState.Returned },
        [ReportState.Returned] = new[] { ReportState.Closed },
        [ReportState.Accepted] = new[] { ReportState.Forwarded, ReportState.Adopted, ReportState.Closed },
        [ReportState.Forwarded] = new[] { ReportState.Replied, ReportState.Adopted, ReportState.Closed },
        [ReportState.Replied] = new[] { ReportState.Adopted, ReportState.Closed },
        [ReportState.Adopted] = new[] { ReportState.Closed },
        [ReportState.Closed] = Array.Empty<ReportState>(),
    };

    /// <summary>States staff may move a report to from <paramref name="state"/>.</summary>
    public static IReadOnlyList<ReportState> AllowedFrom(ReportState state) => Next[state];

    /// <summary>True when staff may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(ReportState from, ReportState to) => Next[from].Contains(to);

    /// <summary>The field a move needs and lacks, or null: a reason to return, a department to forward, a reply, a level to adopt.</summary>
    public static FieldError? MissingField(TransitionRequest request) => request.To switch
    {
        ReportState.Returned when string.IsNullOrWhiteSpace(request.Note) => new FieldError("note", ReportTexts.ReasonRequired),
        ReportState.Forwarded when string.IsNullOrWhiteSpace(request.Department) => new FieldError("department", ReportTexts.DepartmentRequired),
        ReportState.Replied when string.IsNullOrWhiteSpace(request.Note) => new FieldError("note", ReportTexts.ReplyRequired),
        ReportState.Adopted when request.Level is null => new FieldError("level", ReportTexts.LevelRequired),
        _ => null,
    };
}
