namespace Cppcc.Dialogs.Reports;

/// <summary>One line of a list of reports.</summary>
/// <param name="Reference">SQ-/JY- reference.</param>
/// <param name="Kind">Report or suggestion.</param>
/// <param name="Category">Category.</param>
/// <param name="Title">Title as typed (render as plain text).</param>
/// <param name="State">Current state.</param>
/// <param name="SubmittedAt">When it was first filed.</param>
public sealed record ReportSummary(string Reference, ReportKind Kind, string Category, string Title, ReportState State, DateTimeOffset SubmittedAt);

/// <summary>One step of a report's history.</summary>
/// <param name="Sequence">1 for the filing, then one more per transition.</param>
/// <param name="At">When.</param>
/// <param name="From">State before (null for the filing).</param>
/// <param name="To">State after.</param>
/// <param name="Actor">Who (display name), or null when hidden from this caller.</param>
/// <param name="ByStaff">True when staff made the step.</param>
/// <param name="Note">Reason, reply or remark, if any.</param>
/// <param name="Department">Department forwarded to, if any.</param>
/// <param name="Level">Adoption level, if any.</param>
public sealed record ReportHistoryEntry(int Sequence, DateTimeOffset At, ReportState? From, ReportState To, string? Actor, bool ByStaff,
    string? Note, string? Department, AdoptionLevel? Level);

/// <summary>A report as one caller may see it. Contact details are filled for staff only.</summary>
public sealed record ReportDetails
{
    /// <summary>The author shown to staff for a public suggestion filed anonymously.</summary>
    public static string AnonymousAuthor => ReportTexts.Anonymous.Zh;

    /// <summary>SQ-/JY- reference.</summary>
    public required string Reference { get; init; }

    /// <summary>Report or suggestion.</summary>
    public required ReportKind Kind { get; init; }

    /// <summary>Current state.</summary>
    public required ReportState State { get; init; }

    /// <summary>What was filed (latest revision).</summary>
    public required ReportDraft Draft { get; init; }

    /// <summary>Author's display name; null when anonymous or hidden from this caller.</summary>
    public string? AuthorName { get; init; }

    /// <summary>Names of the co-authors who co-signed a joint report (联名); empty for single-author reports.</summary>
    public IReadOnlyList<string> CoSigners { get; init; } = [];

    /// <summary>Author's sector (界别), when known (staff view).</summary>
    public string? Sector { get; init; }

    /// <summary>True when the caller may see contact details (staff); otherwise they are blank in <see cref="Draft"/>.</summary>
    public bool ShowsContact { get; init; }

    /// <summary>Department it was forwarded to.</summary>
    public string? Department { get; init; }

    /// <summary>Adoption level, once adopted.</summary>
    public AdoptionLevel? Level { get; init; }

    /// <summary>When it was first filed.</summary>
    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>Every step, oldest first.</summary>
    public required IReadOnlyList<ReportHistoryEntry> History { get; init; }
}

/// <summary>A page of reports for staff triage.</summary>
/// <param name="Items">This page's reports, newest first.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageCount">Number of pages (at least 1).</param>
/// <param name="Total">Matching reports.</param>
public sealed record ReportPage(IReadOnlyList<ReportSummary> Items, int Page, int PageCount, int Total);

/// <summary>What staff want to list.</summary>
/// <param name="State">Only this state, or all.</param>
/// <param name="Category">Only this category, or all.</param>
/// <param name="Page">1-based page.</param>
public sealed record ReportQuery(ReportState? State, string? Category, int Page);
