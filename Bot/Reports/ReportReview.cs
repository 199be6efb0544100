using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.Root;

namespace Cppcc.Bot.Reports;

/// <summary>Staff work over <see cref="IReportStore"/>: the triage list, lifecycle transitions (history + author notice) and the numbers.</summary>
public sealed class ReportReview : IReportReview
{
    private const int MaxNoteLength = 1000;

    private readonly IReportStore _store;
    private readonly IMemberSectorStore _sectors;
    private readonly ReportValidator _validator;
    private readonly ReportNotices _notices;
    private readonly TimeProvider _time;
    private readonly ILogger<ReportReview> _logger;

    /// <summary>Creates the review service.</summary>
    public ReportReview(IReportStore store, IMemberSectorStore sectors, ReportValidator validator, ReportNotices notices, TimeProvider time,
        ILogger<ReportReview> logger)
    {
        _store = store;
        _sectors = sectors;
        _validator = validator;
        _notices = notices;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public Task<ReportPage> ListAsync(ReportQuery query, int pageSize, CancellationToken cancellationToken)
    {
        var (_, total) = _store.Page(query.State, query.Category, 0, 0);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var (items, _) = _store.Page(query.State, query.Category, (page - 1) * pageSize, pageSize);
        return Task.FromResult(new ReportPage(items.Select(r => r.ToSummary()).ToList(), page, pageCount, total));
    }

    /// <inheritdoc />
    public async Task<TransitionResult> TransitionAsync(Caller staff, TransitionRequest request, CancellationToken cancellationToken)
    {
        if (ReportLifecycle.MissingField(request) is { } missing)
        {
            return new TransitionResult(TransitionStatus.Invalid) { Error = missing };
        }

        if (request.Note?.Length > MaxNoteLength || request.Department?.Length > _validator.Rules.MaxShortFieldLength)
        {
            var field = request.Note?.Length > MaxNoteLength ? "note" : "department";
            var length = field == "note" ? request.Note!.Length : request.Department!.Length;
            var max = field == "note" ? MaxNoteLength : _validator.Rules.MaxShortFieldLength;
            return new TransitionResult(TransitionStatus.Invalid) { Error = new FieldError(field, ReportTexts.TooLong(length, max)) };
        }

        var now = _time.GetUtcNow().UtcDateTime;
        StoredReport? moved = null;
        var result = _store.Update(request.Reference, report =>
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
                Sequence = report.History.Count + 1, At = now, From = from, To = request.To, ActorKey = staff.UserKey, ActorName = staff.Name,
                ByStaff = true, Note = request.Note?.Trim(), Department = request.To == ReportState.Forwarded ? report.Department : null,
                Level = request.To == ReportState.Adopted ? request.Level : null,
            });
            moved = report;
            return (true, new TransitionResult(TransitionStatus.Done) { Current = from });
        });
        if (moved is null)
        {
            return result;
        }

        _logger.LogInformation("Report {Reference} moved from {From} to {To} by staff {StaffKey}", moved.Reference, result.Current, moved.State, staff.UserKey);
        var notified = await _notices.StateChangedAsync(moved, cancellationToken);
        return result with { Report = ReportDetailsMapper.Map(moved, staff: true, _sectors), AuthorNotified = notified };
    }

    /// <inheritdoc />
    public Task<ReportStatistics> StatisticsAsync(ReportPeriod period, CancellationToken cancellationToken)
        => Task.FromResult(ReportCounting.Count(period, _store, _sectors.All()));
}
