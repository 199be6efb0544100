namespace Cppcc.Dialogs.Audiences;

/// <summary>A group of members as staff see it.</summary>
/// <param name="Name">Name, e.g. 民盟.</param>
/// <param name="Kind">界别 or 专委会.</param>
/// <param name="Members">How many members it holds.</param>
public sealed record GroupSummary(string Name, string Kind, int Members);

/// <summary>Groups of members (界别 / 专委会) kept by staff (implemented in Bot/Audiences).</summary>
public interface IGroups
{
    /// <summary>All groups.</summary>
    IReadOnlyList<GroupSummary> List();

    /// <summary>
    /// Creates or replaces a group. Each entry is a user key, an AAD object id or a display name of a member who has
    /// written to the bot; returns the group and the entries that matched nobody.
    /// </summary>
    (GroupSummary Group, IReadOnlyList<string> Unknown) Save(string name, string kind, IReadOnlyList<string> entries, string savedBy);
}
