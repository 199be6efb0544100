using Cppcc.Bot.Conversations;
using Cppcc.Dialogs.Audiences;
using Cppcc.Dialogs.Root;

namespace Cppcc.Bot.Audiences;

/// <summary>Groups over <see cref="IGroupStore"/>; entries are matched against the members who wrote to the bot.</summary>
public sealed class GroupService(IGroupStore groups, IConversationReferenceStore references, TimeProvider time) : IGroups
{
    /// <inheritdoc />
    public IReadOnlyList<GroupSummary> List() => groups.All().Select(g => new GroupSummary(g.Id, g.Kind, g.MemberKeys.Count)).ToList();

    /// <inheritdoc />
    public (GroupSummary Group, IReadOnlyList<string> Unknown) Save(string name, string kind, IReadOnlyList<string> entries, string savedBy)
    {
        var members = references.UserKeys(Role.Member)
            .Select(key => (key, name: (references.Find(key) ?? references.FindShared(key))?.User?.Name ?? ""))
            .ToList();
        var keys = new List<string>();
        var unknown = new List<string>();
        foreach (var entry in entries.Distinct(StringComparer.Ordinal))
        {
            var match = members.Where(m => m.key == entry || (UserKey.TryParse(m.key, out var key) && key.Id.Equals(entry, StringComparison.OrdinalIgnoreCase)) || m.name == entry)
                .Select(m => m.key).ToList();
            if (match.Count == 0)
            {
                unknown.Add(entry);
            }

            keys.AddRange(match);
        }

        var group = new MemberGroup { Id = name, Kind = kind, MemberKeys = keys.Distinct(StringComparer.Ordinal).ToList(), UpdatedBy = savedBy, UpdatedAt = time.GetUtcNow() };
        groups.Save(group);
        return (new GroupSummary(group.Id, group.Kind, group.MemberKeys.Count), unknown);
    }
}
