namespace Cppcc.Bot.Audiences;

/// <summary>A group of members kept by staff: a sector (界别) or a special committee (专委会).</summary>
public sealed class MemberGroup
{
    /// <summary>The group's name, e.g. "民盟" or "文史委".</summary>
    public string Id { get; set; } = "";

    /// <summary>"界别" or "专委会".</summary>
    public string Kind { get; set; } = "";

    /// <summary>User keys (channel:aadObjectId) of the members.</summary>
    public List<string> MemberKeys { get; set; } = [];

    public string UpdatedBy { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}
