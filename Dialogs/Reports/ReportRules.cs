namespace Cppcc.Dialogs.Reports;

/// <summary>The configured lists and limits the dialogs and the card action check against (from Reports options).</summary>
public sealed class ReportRules
{
    /// <summary>Categories to choose from.</summary>
    public IReadOnlyList<string> Categories { get; init; } = new[] { "经济发展", "城乡建设", "教育", "医疗卫生", "社会保障", "生态环境", "社会治理", "其他" };

    /// <summary>Sectors (界别) members may belong to.</summary>
    public IReadOnlyList<string> Sectors { get; init; } = Array.Empty<string>();

    /// <summary>Longest title (characters).</summary>
    public int MaxTitleLength { get; init; } = 60;

    /// <summary>Longest body: situation + analysis + suggestion together (characters; longer is rejected, never cut).</summary>
    public int MaxContentLength { get; init; } = 1500;

    /// <summary>Longest location, contact name, department or note (characters).</summary>
    public int MaxShortFieldLength { get; init; } = 100;

    /// <summary>Reports per page in the staff list.</summary>
    public int PageSize { get; init; } = 10;

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
