using System.ComponentModel.DataAnnotations;

namespace Cppcc.Bot.Reports;

/// <summary>Settings of the reports feature (section <c>Reports</c>).</summary>
public sealed class ReportsOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Reports";

    /// <summary>Categories authors choose from.</summary>
    public List<string> Categories { get; set; } = new();

    /// <summary>Sectors (界别) members may belong to.</summary>
    public List<string> Sectors { get; set; } = new();

    /// <summary>Longest title.</summary>
    [Range(10, 500)]
    public int MaxTitleLength { get; set; } = 60;

    /// <summary>Longest body (situation + analysis + suggestion), rejected above, never cut.</summary>
    [Range(100, 20000)]
    public int MaxContentLength { get; set; } = 1500;

    /// <summary>Reports per page in the staff list.</summary>
    [Range(1, 50)]
    public int PageSize { get; set; } = 10;

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

    /// <summary>The defaults used when the configuration lists none.</summary>
    public static readonly string[] DefaultCategories = { "经济发展", "城乡建设", "教育", "医疗卫生", "社会保障", "生态环境", "社会治理", "其他" };

    /// <summary>The sectors of a district committee (界别) used when the configuration lists none.</summary>
    public static readonly string[] DefaultSectors =
    {
        "中共", "民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "无党派人士", "共青团", "工会", "妇联", "工商联",
        "科技", "教育", "文化艺术", "医药卫生", "体育", "经济", "农业", "社会福利和社会保障", "少数民族和宗教", "特邀",
    };
}
