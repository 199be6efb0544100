using Cppcc.Bot.Conversations;
using Cppcc.Bot.Reports;
using Cppcc.Dialogs.Broadcasts;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Schema;

namespace Cppcc.Bot.Audiences;

/// <summary>One member who can be reached proactively.</summary>
public sealed record Recipient(string UserKey, ConversationReference Reference)
{
    /// <summary>The member's display name, as their channel gave it.</summary>
    public string Name => Reference.User?.Name ?? "";
}

/// <summary>
/// Who an audience is: "all" = every member the bot has seen, in a personal chat or a group (staff included); a group kept by staff
/// (group.set) = its members; otherwise a sector (界别) members gave themselves with <c>界别 …</c> = those members.
/// </summary>
public sealed class AudienceResolver(IConversationReferenceStore references, PersonalConversations personal, IGroupStore groups, IMemberSectorStore sectors)
{
    /// <summary>The audience of every member.</summary>
    public const string All = BroadcastRequest.Everyone;

    /// <summary>"all" first, then the staff-kept groups, then the sectors members chose.</summary>
    public IReadOnlyList<string> Names()
    {
        var kept = groups.All().Select(g => g.Id).ToList();
        var chosen = sectors.All().Values.Distinct(StringComparer.Ordinal).Where(s => !kept.Contains(s)).Order(StringComparer.Ordinal);
        return [All, .. kept, .. chosen];
    }

    /// <summary>
    /// True when <paramref name="userKey"/> belongs to <paramref name="audience"/>, read as <see cref="Resolve"/> reads it:
    /// "all" is every member, a staff-kept group its members (before a sector of the same name), a sector those who chose it.
    /// </summary>
    public bool Includes(string audience, string userKey)
    {
        if (audience == All)
        {
            return true;
        }

        return groups.Find(audience) is { } group ? group.MemberKeys.Contains(userKey) : sectors.Find(userKey) == audience;
    }

    /// <summary>
    /// The members of <paramref name="audience"/> reachable in a personal chat (stored, or one to open for a Teams member
    /// seen only in groups) and how many cannot be reached privately; null for an unknown group.
    /// </summary>
    public (List<Recipient> Reachable, int Unreachable)? Resolve(string audience)
    {
        IEnumerable<string> keys;
        if (audience == All)
        {
            keys = references.UserKeys(Role.Member);
        }
        else if (groups.Find(audience) is { } group)
        {
            keys = group.MemberKeys;
        }
        else if (sectors.All().Where(p => p.Value == audience).Select(p => p.Key).ToList() is { Count: > 0 } inSector)
        {
            keys = inSector;
        }
        else
        {
            return null;
        }

        var reachable = new List<Recipient>();
        var unreachable = 0;
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (personal.For(key) is { } reference)
            {
                reachable.Add(new Recipient(key, reference));
            }
            else
            {
                unreachable++;
            }
        }

        return (reachable, unreachable);
    }
}
