using Cppcc.Dialogs.Framework;

namespace Cppcc.Dialogs.Reports;

/// <summary>
/// Reads the <c>coAuthors</c> field of <c>report.submit</c>: the Teams people picker submits the chosen users'
/// aadObjectIds joined by commas.
/// </summary>
public static class CoAuthorList
{
    /// <summary>The most co-authors one report may name.</summary>
    public const int Max = 10;

    /// <summary>
    /// The trimmed, distinct ids, or an error naming the field: only member reports take co-authors (the public's
    /// suggestions are one person's), at most <see cref="Max"/>, and the author cannot co-sign their own report.
    /// </summary>
    public static (IReadOnlyList<string> Ids, FieldError? Error) Parse(string? text, ReportKind kind, string? authorAadObjectId)
    {
        var ids = (text ?? "").Split([',', ';', '，'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (ids.Count == 0)
        {
            return ([], null);
        }

        Localized? problem = kind != ReportKind.Report ? JointReportTexts.CoAuthorsReportsOnly
            : ids.Count > Max ? JointReportTexts.TooManyCoAuthors
            : ids.Any(id => string.Equals(id, authorAadObjectId, StringComparison.OrdinalIgnoreCase)) ? JointReportTexts.SelfAsCoAuthor
            : ids.Any(id => id.Length > 100 || id.Any(char.IsWhiteSpace)) ? JointReportTexts.BadCoAuthor
            : null;
        return problem is null ? (ids, null) : ([], new FieldError("coAuthors", problem));
    }
}
