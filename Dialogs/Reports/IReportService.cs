using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Reports;

/// <summary>Filing and following reports (implemented by the host over its report store).</summary>
public interface IReportService
{
    /// <summary>
    /// Earlier reports in the same category whose title/content look similar (newest first, a few at most), as far as
    /// <paramref name="viewer"/> may see them: never other people's submissions for the public.
    /// </summary>
    Task<IReadOnlyList<ReportSummary>> FindSimilarAsync(ReportDraft draft, string? excludeReference, Role viewer, CancellationToken cancellationToken);

    /// <summary>Validates, checks limits and duplicates, then stores and tells staff; nothing is stored unless it returns Filed/Resubmitted.</summary>
    Task<FilingResult> FileAsync(FilingRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The report if <paramref name="caller"/> may see it: staff always, the Teams author, or anyone with the right
    /// access code. Null otherwise, with no hint whether the reference exists (public look-ups are rate-limited per
    /// conversation and client, so codes cannot be guessed).
    /// </summary>
    Task<ReportDetails?> FindForCallerAsync(Caller caller, string conversationId, string reference, string? accessCode, CancellationToken cancellationToken);

    /// <summary>The caller's own reports, newest first (never for public callers, whose ids are not proven).</summary>
    Task<IReadOnlyList<ReportSummary>> ListOwnAsync(Caller caller, CancellationToken cancellationToken);

    /// <summary>
    /// A listed co-author's answer to a joint report's invitation. The first answer stands; a repeated one is reported
    /// as such. Unknown references and reports that do not list the caller get the same answer.
    /// </summary>
    Task<CosignResult> CosignAsync(Caller caller, string reference, bool accept, CancellationToken cancellationToken);

    /// <summary>Sets a member's sector (界别): a member their own; staff that of a report's author.</summary>
    Task<SectorResult> SetSectorAsync(Caller caller, string sector, string? reportReference, CancellationToken cancellationToken);
}

/// <summary>How a co-author's answer ended.</summary>
public enum CosignResult
{
    /// <summary>Now co-signed.</summary>
    Accepted,
    /// <summary>Now declined.</summary>
    Declined,
    /// <summary>Had co-signed before; nothing changed.</summary>
    AlreadyAccepted,
    /// <summary>Had declined before; nothing changed.</summary>
    AlreadyDeclined,
    /// <summary>No such report, or it does not list the caller.</summary>
    NotInvited,
}

/// <summary>How setting a sector ended.</summary>
public enum SectorResult
{
    /// <summary>Saved.</summary>
    Saved,
    /// <summary>Not one of the configured sectors.</summary>
    UnknownSector,
    /// <summary>No such report (staff form).</summary>
    UnknownReport,
}

/// <summary>Staff work on reports: triage lists, transitions, numbers.</summary>
public interface IReportReview
{
    /// <summary>A page of reports by state and category, newest first.</summary>
    Task<ReportPage> ListAsync(ReportQuery query, int pageSize, CancellationToken cancellationToken);

    /// <summary>Moves a report if the lifecycle allows it, records history and notifies the author.</summary>
    Task<TransitionResult> TransitionAsync(Caller staff, TransitionRequest request, CancellationToken cancellationToken);

    /// <summary>Assessment numbers for a period.</summary>
    Task<ReportStatistics> StatisticsAsync(ReportPeriod period, CancellationToken cancellationToken);
}

/// <summary>Creates download links for the assessment export that work for staff only, for a short time.</summary>
public interface IReportExports
{
    /// <summary>Links to the CSV and Excel export of <paramref name="period"/> for <paramref name="staff"/>.</summary>
    ExportLinks CreateLinks(Caller staff, ReportPeriod period);
}
