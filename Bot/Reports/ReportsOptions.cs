using System.ComponentModel.DataAnnotations;
using Cppcc.Dialogs.Reports;

namespace Cppcc.Bot.Reports;

/// <summary>
/// Settings of the reports feature (section <c>Reports</c>): the lists and lengths the conversation checks too (those of
/// <see cref="ReportRules"/>, which this object is handed out as), and the host's own limits and thresholds of filing.
/// </summary>
public sealed class ReportsOptions : ReportRules
{
    /// <summary>Configuration section.</summary>
    public new const string Section = ReportRules.Section;

    /// <summary>Public filings allowed per conversation, per user and per client address within <see cref="PublicFilingWindow"/>.</summary>
    [Range(1, 10000)]
    public int PublicFilingLimit { get; set; } = 3;

    /// <summary>The sliding window of <see cref="PublicFilingLimit"/>.</summary>
    public TimeSpan PublicFilingWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// <c>查询</c> look-ups that show nothing (unknown reference or wrong code) allowed per conversation, per user and per
    /// client address within <see cref="PublicFilingWindow"/>, for the public and members alike (slows code guessing).
    /// </summary>
    [Range(1, 10000)]
    public int PublicQueryLimit { get; set; } = 20;

    /// <summary>Dice similarity (character bigrams) from which an earlier report counts as similar.</summary>
    [Range(0.05, 1.0)]
    public double SimilarityThreshold { get; set; } = 0.4;

    /// <summary>Similarity from which a new filing by the same sender is a repeated submission.</summary>
    [Range(0.5, 1.0)]
    public double DuplicateThreshold { get; set; } = 0.9;

    /// <summary>How far back repeated submissions are looked for.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromHours(24);

}
