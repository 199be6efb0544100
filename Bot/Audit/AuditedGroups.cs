using Cppcc.Bot.Audiences;
using Cppcc.Bot.Conversations;
using Cppcc.Dialogs.Audiences;
using Cppcc.Dialogs.Audit;

namespace Cppcc.Bot.Audit;

/// <summary>Records each group (界别 / 专委会) staff create or replace, with its members before and after.</summary>
public sealed class AuditedGroups : IGroups
{
    private readonly IGroups _inner;
    private readonly IGroupStore _groups;
    private readonly IConversationReferenceStore _references;
    private readonly IAuditTrail _trail;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public AuditedGroups(IGroups inner, IGroupStore groups, IConversationReferenceStore references, IAuditTrail trail)
    {
        _inner = inner;
        _groups = groups;
        _references = references;
        _trail = trail;
    }

    /// <inheritdoc />
    public IReadOnlyList<GroupSummary> List() => _inner.List();

    /// <inheritdoc />
    public (GroupSummary Group, IReadOnlyList<string> Unknown) Save(string name, string kind, IReadOnlyList<string> entries, string savedBy)
    {
        var before = Describe(_groups.Find(name));
        var saved = _inner.Save(name, kind, entries, savedBy);
        var actor = (_references.Find(savedBy) ?? _references.FindShared(savedBy))?.User?.Name ?? "";
        _trail.Record(savedBy, actor, "group.save", name, before, Describe(_groups.Find(name)));
        return saved;
    }

    /// <summary>Kind, size and members by user key (ids, never contact details).</summary>
    private static string? Describe(MemberGroup? group)
        => group is null ? null : $"{group.Kind} · {group.MemberKeys.Count} 人：{string.Join(", ", group.MemberKeys)}";
}
