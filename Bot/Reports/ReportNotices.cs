using Cppcc.Bot.Conversations;
using Cppcc.Dialogs.Notifications;
using Cppcc.Dialogs.Reports;
using Microsoft.Bot.Schema;

namespace Cppcc.Bot.Reports;

/// <summary>
/// Tells staff when something is filed and authors when their report moves, through <see cref="IUserNotifier"/>
/// (job ids <c>report:{ref}:{seq}</c>, so each history step is delivered at most once per recipient). A failed
/// notice never fails the filing or the transition: the news is in the report's history either way.
/// </summary>
public sealed class ReportNotices(IUserNotifier notifier, StaffRecipients staffNow, ILogger<ReportNotices> logger)
{
    /// <summary>
    /// Tells every user with a stored conversation who is staff now (except the author) about a new or resubmitted report.
    /// </summary>
    public async Task NewReportAsync(StoredReport report, CancellationToken cancellationToken)
    {
        var jobId = JobId(report);
        foreach (var staff in staffNow.UserKeys().Where(k => k != report.AuthorKey))
        {
            var resubmitted = report.History[^1].From == ReportState.Returned;
            await SendAsync(staff, ReportMessages.NewReport(report.Kind, report.Reference, report.Category, "zh-CN", resubmitted), jobId, cancellationToken);
        }
    }

    /// <summary>Sends each invited co-author of a joint report the card to co-sign or decline, in their personal chat.</summary>
    public async Task InviteCoAuthorsAsync(StoredReport report, CancellationToken cancellationToken)
    {
        foreach (var coAuthor in report.CoAuthors)
        {
            var card = CosignCard.Build(report.Reference, report.Title, report.AuthorName, report.Locale);
            if (!await SendAsync(coAuthor.Key, card, $"cosign:{report.Reference}", cancellationToken))
            {
                logger.LogInformation("A co-author of {Reference} has no personal chat with the bot yet", report.Reference);
            }
        }
    }

    /// <summary>
    /// Tells the author, and every co-author who co-signed, about the report's latest history step; false when the
    /// author's notice could not be handed to delivery.
    /// </summary>
    public async Task<bool> StateChangedAsync(StoredReport report, CancellationToken cancellationToken)
    {
        var last = report.History[^1];
        var step = new ReportHistoryEntry(last.Sequence, StoredReport.Utc(last.At), last.From, last.To, null, last.ByStaff, last.Note, last.Department, last.Level);
        // One activity per recipient: delivery addresses each to its own conversation.
        IMessageActivity Message() => ReportMessages.StateChanged(report.Kind, report.Reference, step, needsCode: report.AccessCodeHash is not null, report.Locale);
        var toAuthor = await SendAsync(report.AuthorKey, Message(), JobId(report), cancellationToken);
        foreach (var coSigner in report.CoSignedKeys)
        {
            await SendAsync(coSigner, Message(), JobId(report), cancellationToken);
        }

        return toAuthor;
    }

    private static string JobId(StoredReport report) => $"report:{report.Reference}:{report.History[^1].Sequence}";

    private async Task<bool> SendAsync(string userKey, IMessageActivity message, string jobId, CancellationToken cancellationToken)
    {
        try
        {
            return await notifier.NotifyAsync(userKey, message, jobId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Notice {JobId} could not be handed to delivery: {Error}", jobId, e.GetType().Name);
            return false;
        }
    }
}
