using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Reports;

/// <summary>A request to file (or, with <see cref="ReviseReference"/>, to resubmit a returned report).</summary>
/// <param name="Caller">Who files.</param>
/// <param name="ConversationId">The conversation it came from (rate limits, duplicate checks).</param>
/// <param name="Locale">The author's locale, for later notifications.</param>
/// <param name="Draft">What was written.</param>
/// <param name="ReviseReference">The returned report this revises, if any.</param>
/// <param name="AccessCode">The public submitter's access code, proving they may revise <paramref name="ReviseReference"/>.</param>
public sealed record FilingRequest(Caller Caller, string ConversationId, string? Locale, ReportDraft Draft, string? ReviseReference = null,
    string? AccessCode = null);

/// <summary>How a filing ended.</summary>
public enum FilingStatus
{
    /// <summary>Stored with a new reference.</summary>
    Filed,
    /// <summary>A returned report was revised and is submitted again under its reference.</summary>
    Resubmitted,
    /// <summary>A field is missing or wrong; nothing was stored.</summary>
    Invalid,
    /// <summary>Too many filings from this conversation or client; nothing was stored.</summary>
    RateLimited,
    /// <summary>Almost the same text was just filed by the same sender; nothing was stored.</summary>
    Duplicate,
    /// <summary>The report to revise does not exist, is not the caller's, or is not returned.</summary>
    CannotRevise,
}

/// <summary>The outcome of <see cref="IReportService.FileAsync"/>.</summary>
public sealed record FilingResult(FilingStatus Status)
{
    /// <summary>The reference (filed, resubmitted, or the earlier duplicate).</summary>
    public string? Reference { get; init; }

    /// <summary>The access code for a public submitter; shown once, only its hash is stored.</summary>
    public string? AccessCode { get; init; }

    /// <summary>What is wrong, when invalid.</summary>
    public IReadOnlyList<FieldError> Errors { get; init; } = Array.Empty<FieldError>();

    /// <summary>Similar earlier reports in the same category (for the author's information).</summary>
    public IReadOnlyList<ReportSummary> Similar { get; init; } = Array.Empty<ReportSummary>();
}

/// <summary>A staff request to move a report (<c>report.transition</c>).</summary>
/// <param name="Reference">The report.</param>
/// <param name="To">Target state.</param>
/// <param name="Note">Reason (required when returning), reply (required when replied) or remark.</param>
/// <param name="Department">Required when forwarding.</param>
/// <param name="Level">Required when adopting.</param>
public sealed record TransitionRequest(string Reference, ReportState To, string? Note, string? Department, AdoptionLevel? Level);

/// <summary>How a transition ended.</summary>
public enum TransitionStatus
{
    /// <summary>Moved, recorded in history, author notified.</summary>
    Done,
    /// <summary>No report with that reference.</summary>
    NotFound,
    /// <summary>Not allowed from the current state.</summary>
    Illegal,
    /// <summary>A field the move needs is missing or too long.</summary>
    Invalid,
}

/// <summary>The outcome of a transition.</summary>
public sealed record TransitionResult(TransitionStatus Status)
{
    /// <summary>The report's state before the attempt (when found).</summary>
    public ReportState? Current { get; init; }

    /// <summary>What is wrong, when invalid.</summary>
    public FieldError? Error { get; init; }

    /// <summary>The report after the move (staff view).</summary>
    public ReportDetails? Report { get; init; }

    /// <summary>True when the author's notification was handed to delivery.</summary>
    public bool AuthorNotified { get; init; }
}
