using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Reports;

/// <summary>Staff work on reports: triage lists, transitions, numbers.</summary>
public interface IReportReview
{
    /// <summary>A page of reports by state and category, newest first.</summary>
    ReportPage List(ReportQuery query, int pageSize);

    /// <summary>Moves a report if the lifecycle allows it, records history and notifies the author.</summary>
    Task<TransitionResult> TransitionAsync(Caller staff, TransitionRequest request, CancellationToken cancellationToken);

    /// <summary>Assessment numbers for a period.</summary>
    ReportStatistics Statistics(ReportPeriod period);
}
