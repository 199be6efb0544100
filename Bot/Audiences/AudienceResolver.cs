using Cppcc.Bot.Conversations;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Schema;

namespace Cppcc.Bot.Audiences;

/// <summary>One member who can be reached proactively.</summary>
public sealed record Recipient(string UserKey, ConversationReference Reference)
{
    public string Name => Reference.User?.Name ?? "";
}

/// <summary>Who an audience is: "all" = every member with a stored conversation (staff included); a group = its members.</summary>
public sealed class AudienceResolver(ConversationReferenceStore references, GroupStore groups)
{
    public const string All = "all";

    /// <summary>"all" first, then the group names.</summary>
    public IReadOnlyList<string> Names() => [All, .. groups.All().Select(g => g.Id)];

    /// <summary>The reachable members of <paramref name="audience"/> and how many of it have no stored conversation; null for an unknown group.</summary>
    public (List<Recipient> Reachable, int Unreachable)? Resolve(string audience)
    {
        IEnumerable<string> keys;
        if (audience == All)
            keys = references.UserKeys(Role.Member);
        else if (groups.Find(audience) is { } group)
            keys = group.MemberKeys;
        else
            return null;

        var reachable = new List<Recipient>();
        var unreachable = 0;
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (references.Find(key) is { } reference)
                reachable.Add(new Recipient(key, reference));
            else
                unreachable++;
        }
        return (reachable, unreachable);
    }
}
