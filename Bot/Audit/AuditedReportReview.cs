using Cppcc.Dialogs.Audit;
using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.Root;

namespace Cppcc.Bot.Audit;

/// <summary>Records every report transition staff make, with the state before and after.</summary>
public sealed class AuditedReportReview : IReportReview
{
    private readonly IReportReview _inner;
    private readonly IAuditTrail _trail;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public AuditedReportReview(IReportReview inner, IAuditTrail trail)
    {
        _inner = inner;
        _trail = trail;
    }

    /// <inheritdoc />
    public ReportPage List(ReportQuery query, int pageSize)
        => _inner.List(query, pageSize);

    /// <inheritdoc />
    public async Task<TransitionResult> TransitionAsync(Caller staff, TransitionRequest request, CancellationToken cancellationToken)
    {
        var result = await _inner.TransitionAsync(staff, request, cancellationToken);
        if (result.Status == TransitionStatus.Done)
        {
            var after = request.To.Wire()
                + (request.Level is { } level ? " " + level.Wire() : "")
                + (string.IsNullOrWhiteSpace(request.Department) ? "" : " " + request.Department);
            _trail.Record(staff.UserKey, staff.Name, "report.transition", request.Reference, result.Current?.Wire(), after);
        }

        return result;
    }

    /// <inheritdoc />
    public ReportStatistics Statistics(ReportPeriod period)
        => _inner.Statistics(period);
}
