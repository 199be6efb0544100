using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.Root;

namespace Cppcc.Bot.Reports;

/// <summary>Staff work over <see cref="IReportStore"/>: the triage list, lifecycle transitions (history + author notice) and the numbers.</summary>
public sealed class ReportReview(IReportStore store, IMemberSectorStore sectors, ReportValidator validator, ReportNotices notices, TimeProvider time,
    OfficeTime office, ILogger<ReportReview> logger) : IReportReview
{
    /// <inheritdoc />
    public ReportPage List(ReportQuery query, int pageSize)
    {
        var (_, total) = store.Page(query.State, query.Category, 0, 0);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var (items, _) = store.Page(query.State, query.Category, (page - 1) * pageSize, pageSize);
        return new ReportPage(items.Select(r => r.ToSummary()).ToList(), page, pageCount, total);
    }

    /// <inheritdoc />
    public async Task<TransitionResult> TransitionAsync(Caller staff, TransitionRequest request, CancellationToken cancellationToken)
    {
        if (validator.CheckTransition(request) is { } error)
        {
            return new TransitionResult(TransitionStatus.Invalid) { Error = error };
        }

        var now = time.GetUtcNow().UtcDateTime;
        StoredReport? moved = null;
        var result = store.Update(request.Reference, report =>
        {
            if (report is null)
            {
                return (false, new TransitionResult(TransitionStatus.NotFound));
            }

            if (!ReportLifecycle.CanMove(report.State, request.To))
            {
                return (false, new TransitionResult(TransitionStatus.Illegal) { Current = report.State });
            }

            var from = report.State;
            report.State = request.To;
            report.UpdatedAt = now;
            if (request.To == ReportState.Forwarded)
            {
                report.Department = request.Department!.Trim();
            }

            if (request.To == ReportState.Adopted)
            {
                report.Level = request.Level;
            }

            report.History.Add(new StoredHistoryEntry
            {
                Sequence = report.History.Count + 1,
                At = now,
                From = from,
                To = request.To,
                ActorKey = staff.UserKey,
                ActorName = staff.Name,
                ByStaff = true,
                Note = request.Note?.Trim(),
                Department = request.To == ReportState.Forwarded ? report.Department : null,
                Level = request.To == ReportState.Adopted ? request.Level : null,
            });
            moved = report;
            return (true, new TransitionResult(TransitionStatus.Done) { Current = from });
        });
        if (moved is null)
        {
            return result;
        }

        logger.LogInformation("Report {Reference} moved from {From} to {To} by staff {StaffKey}", moved.Reference, result.Current, moved.State, staff.UserKey);
        var notified = await notices.StateChangedAsync(moved, cancellationToken);
        return result with { Report = ReportDetailsMapper.Map(moved, staff: true, sectors), AuthorNotified = notified };
    }

    /// <inheritdoc />
    public ReportStatistics Statistics(ReportPeriod period)
        => ReportCounting.Count(period, store, sectors.All(), office);
}
