namespace Cppcc.Dialogs.Reports;

/// <summary>
/// What the author wrote, before it is filed: collected by the dialogs (persisted in their state) or read from a
/// <c>report.submit</c> card. Kept exactly as typed (trimmed); never truncated.
/// </summary>
public sealed class ReportDraft
{
    /// <summary>Report (member) or suggestion (anyone).</summary>
    public ReportKind Kind { get; set; }

    /// <summary>One of the configured categories.</summary>
    public string? Category { get; set; }

    /// <summary>案由: the issue in one line.</summary>
    public string? Title { get; set; }

    /// <summary>基本情况: the situation (card field <c>content</c>).</summary>
    public string? Content { get; set; }

    /// <summary>问题分析 (reports; optional on the card as <c>analysis</c>).</summary>
    public string? Analysis { get; set; }

    /// <summary>意见建议: what should be done (required for reports).</summary>
    public string? Suggestion { get; set; }

    /// <summary>Optional place the issue is about.</summary>
    public string? Location { get; set; }

    /// <summary>Public submitter asked not to be named (contact details are then optional).</summary>
    public bool Anonymous { get; set; }

    /// <summary>Public submitter's name (staff only, never logged).</summary>
    public string? ContactName { get; set; }

    /// <summary>Public submitter's phone (staff only, never logged).</summary>
    public string? ContactPhone { get; set; }

    /// <summary>
    /// Co-authors of a joint report (联名), as Teams aadObjectIds: trimmed, distinct, never the author. Each is invited
    /// to co-sign and counts only once they accept.
    /// </summary>
    public IReadOnlyList<string> CoAuthors { get; set; } = [];

    /// <summary>All body text, for length limits and similarity.</summary>
    public string BodyText => string.Join("\n", new[] { Content, Analysis, Suggestion }.Where(t => !string.IsNullOrWhiteSpace(t)));

    /// <summary>A copy.</summary>
    public ReportDraft Clone() => (ReportDraft)MemberwiseClone();
}

/// <summary>A field that failed validation, named by its card field id.</summary>
/// <param name="Field">The card field id (docs/contract.md, Conversation contract), e.g. <c>contactPhone</c>.</param>
/// <param name="Problem">What is wrong, in both languages.</param>
public sealed record FieldError(string Field, Framework.Localized Problem);
