using System.ComponentModel.DataAnnotations;

namespace Cppcc.Dialogs.Reports;

/// <summary>
/// The lists and limits the dialogs, the card actions and the host's filing check against, with the built-in lists where
/// the configuration names none. The host binds section <c>Reports</c> (README, Configuration) once, into its options
/// class derived from this one, and hands that same object to the conversation.
/// </summary>
public class ReportRules
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Reports";

    /// <summary>The categories used when the configuration lists none.</summary>
    public static readonly IReadOnlyList<string> DefaultCategories = ["经济发展", "城乡建设", "教育", "医疗卫生", "社会保障", "生态环境", "社会治理", "其他"];

    /// <summary>The sectors of a district committee (界别) used when the configuration lists none.</summary>
    public static readonly IReadOnlyList<string> DefaultSectors =
    [
        "中共", "民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "无党派人士", "共青团", "工会", "妇联", "工商联",
        "科技", "教育", "文化艺术", "医药卫生", "体育", "经济", "农业", "社会福利和社会保障", "少数民族和宗教", "特邀",
    ];

    /// <summary>Categories to choose from (see <see cref="WithDefaults"/>).</summary>
    public IReadOnlyList<string> Categories { get; set; } = [];

    /// <summary>Sectors (界别) members may belong to (see <see cref="WithDefaults"/>).</summary>
    public IReadOnlyList<string> Sectors { get; set; } = [];

    /// <summary>Longest title (characters).</summary>
    [Range(10, 500)]
    public int MaxTitleLength { get; set; } = 60;

    /// <summary>Longest body: situation + analysis + suggestion together (characters; longer is rejected, never cut).</summary>
    [Range(100, 20000)]
    public int MaxContentLength { get; set; } = 1500;

    /// <summary>Longest location, contact name, department or note (characters).</summary>
    [Range(20, 1000)]
    public int MaxShortFieldLength { get; set; } = 100;

    /// <summary>Reports per page in the staff list.</summary>
    [Range(1, 50)]
    public int PageSize { get; set; } = 10;

    /// <summary>Fills the lists the configuration left empty with <see cref="DefaultCategories"/> and <see cref="DefaultSectors"/>.</summary>
    public ReportRules WithDefaults()
    {
        if (Categories.Count == 0)
        {
            Categories = DefaultCategories;
        }

        if (Sectors.Count == 0)
        {
            Sectors = DefaultSectors;
        }

        return this;
    }

    /// <summary>The category as listed, matched leniently (full-width, case), or null.</summary>
    public string? FindCategory(string? text) => Find(Categories, text);

    /// <summary>The sector as listed, matched leniently, or null.</summary>
    public string? FindSector(string? text) => Find(Sectors, text);

    private static string? Find(IReadOnlyList<string> list, string? text)
    {
        var normalized = Framework.InputText.Normalize(text);
        return normalized.Length == 0 ? null : list.FirstOrDefault(c => Framework.InputText.Normalize(c) == normalized);
    }
}
