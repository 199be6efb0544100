namespace Cppcc.Dialogs.Reports;

/// <summary>The persisted state of the report and suggestion dialogs (version 1).</summary>
public sealed class FilingDialogState
{
    /// <summary>What has been answered so far.</summary>
    public ReportDraft Draft { get; set; } = new();

    /// <summary>The returned report being revised, if any.</summary>
    public string? ReviseReference { get; set; }
}

/// <summary>How to start a filing dialog: answers already known are not asked again.</summary>
/// <param name="Prefill">Answers already given.</param>
/// <param name="ReviseReference">The returned report being revised, if any.</param>
public sealed record FilingDialogOptions(ReportDraft? Prefill, string? ReviseReference);
