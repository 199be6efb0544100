using Cppcc.Bot.Conversations;
using Cppcc.Dialogs.Notifications;
using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Schema;

namespace Cppcc.Bot.Reports;

/// <summary>
/// Tells staff when something is filed and authors when their report moves, through <see cref="IUserNotifier"/>
/// (job ids <c>report:{ref}:{seq}</c>, so each history step is delivered at most once per recipient). A failed
/// notice never fails the filing or the transition: the news is in the report's history either way.
/// </summary>
public sealed class ReportNotices
{
    private readonly IUserNotifier _notifier;
    private readonly ConversationReferenceStore _references;
    private readonly ILogger<ReportNotices> _logger;

    /// <summary>Creates the notices.</summary>
    public ReportNotices(IUserNotifier notifier, ConversationReferenceStore references, ILogger<ReportNotices> logger)
    {
        _notifier = notifier;
        _references = references;
        _logger = logger;
    }

    /// <summary>Tells every staff user with a stored conversation (except the author) about a new or resubmitted report.</summary>
    public async Task NewReportAsync(StoredReport report, CancellationToken cancellationToken)
    {
        var jobId = JobId(report);
        foreach (var staff in _references.UserKeys(Role.Staff).Where(k => k != report.AuthorKey))
        {
            var resubmitted = report.History[^1].From == ReportState.Returned;
            await SendAsync(staff, ReportMessages.NewReport(report.Kind, report.Reference, report.Category, "zh-CN", resubmitted), jobId, cancellationToken);
        }
    }

    /// <summary>Tells the author about the report's latest history step; false when it could not be handed to delivery.</summary>
    public Task<bool> StateChangedAsync(StoredReport report, CancellationToken cancellationToken)
    {
        var last = report.History[^1];
        var step = new ReportHistoryEntry(last.Sequence, StoredReport.Utc(last.At), last.From, last.To, null, last.ByStaff, last.Note, last.Department, last.Level);
        var message = ReportMessages.StateChanged(report.Kind, report.Reference, step, needsCode: report.AccessCodeHash is not null, report.Locale);
        return SendAsync(report.AuthorKey, message, JobId(report), cancellationToken);
    }

    private static string JobId(StoredReport report) => $"report:{report.Reference}:{report.History[^1].Sequence}";

    private async Task<bool> SendAsync(string userKey, IMessageActivity message, string jobId, CancellationToken cancellationToken)
    {
        try
        {
            return await _notifier.NotifyAsync(userKey, message, jobId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning("Notice {JobId} could not be handed to delivery: {Error}", jobId, e.GetType().Name);
            return false;
        }
    }
}
