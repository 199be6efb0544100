using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Reports;

/// <summary>Filing and following reports (implemented by the host over its report store; all but filing are plain store reads and writes).</summary>
public interface IReportService
{
    /// <summary>
    /// Earlier reports in the same category whose title/content look similar (newest first, a few at most), as far as
    /// <paramref name="viewer"/> may see them: never other people's submissions for the public.
    /// </summary>
    IReadOnlyList<ReportSummary> FindSimilar(ReportDraft draft, string? excludeReference, Role viewer);

    /// <summary>
    /// Validates, checks limits and duplicates, then stores and tells staff (and invited co-authors) through delivery,
    /// which is why this one is asynchronous; nothing is stored unless it returns Filed/Resubmitted.
    /// </summary>
    Task<FilingResult> FileAsync(FilingRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The report if <paramref name="caller"/> may see it: staff always, the Teams author, or anyone with the right
    /// access code. Null otherwise, with no hint whether the reference exists (public look-ups are rate-limited per
    /// conversation and client, so codes cannot be guessed).
    /// </summary>
    ReportDetails? FindForCaller(Caller caller, string conversationId, string reference, string? accessCode);

    /// <summary>The caller's own reports, newest first (never for public callers, whose ids are not proven).</summary>
    IReadOnlyList<ReportSummary> ListOwn(Caller caller);

    /// <summary>
    /// A listed co-author's answer to a joint report's invitation. The first answer stands; a repeated one is reported
    /// as such. Unknown references and reports that do not list the caller get the same answer.
    /// </summary>
    CosignResult Cosign(Caller caller, string reference, bool accept);

    /// <summary>Sets a member's sector (界别): a member their own; staff that of a report's author.</summary>
    SectorResult SetSector(Caller caller, string sector, string? reportReference);
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
