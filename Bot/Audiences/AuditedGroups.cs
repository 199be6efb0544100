using Cppcc.Bot.Conversations;
using Cppcc.Dialogs.Audiences;
using Cppcc.Dialogs.Audit;

namespace Cppcc.Bot.Audiences;

/// <summary>Records each group (界别 / 专委会) staff create or replace in the audit trail, with its members before and after.</summary>
public sealed class AuditedGroups(GroupService inner, IGroupStore groups, IConversationReferenceStore references, IAuditTrail trail) : IGroups
{
    /// <inheritdoc />
    public IReadOnlyList<GroupSummary> List() => inner.List();

    /// <inheritdoc />
    public (GroupSummary Group, IReadOnlyList<string> Unknown) Save(string name, string kind, IReadOnlyList<string> entries, string savedBy)
    {
        var before = Describe(groups.Find(name));
        var saved = inner.Save(name, kind, entries, savedBy);
        var actor = (references.Find(savedBy) ?? references.FindShared(savedBy))?.User?.Name ?? "";
        trail.Record(savedBy, actor, "group.save", name, before, Describe(groups.Find(name)));
        return saved;
    }

    /// <summary>Kind, size and members by user key (ids, never contact details).</summary>
    private static string? Describe(MemberGroup? group)
        => group is null ? null : $"{group.Kind} · {group.MemberKeys.Count} 人：{string.Join(", ", group.MemberKeys)}";
}
