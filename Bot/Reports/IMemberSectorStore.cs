namespace Cppcc.Bot.Reports;

/// <summary>Each member's sector (界别) for the per-sector numbers.</summary>
public interface IMemberSectorStore
{
    /// <summary>Sets (or replaces) a member's sector.</summary>
    void Set(string userKey, string sector, string setBy);

    /// <summary>The member's sector, or null.</summary>
    string? Find(string userKey);

    /// <summary>Every member's sector by user key.</summary>
    IReadOnlyDictionary<string, string> All();
}
