using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Root;

/// <summary>What a caller may do (docs/contract.md, Conversation contract). Staff can do everything members can.</summary>
public enum Role
{
    /// <summary>Anyone on the public web chat.</summary>
    Public = 0,
    /// <summary>A committee member in Teams.</summary>
    Member = 1,
    /// <summary>Committee staff (listed in Staff:UserIds).</summary>
    Staff = 2,
}

/// <summary>Who sent the current activity.</summary>
/// <param name="Key">Stable key of the user: channel plus AAD object id (Teams) or the channel's user id.</param>
/// <param name="Name">Display name as the channel gave it (never logged).</param>
/// <param name="Role">What the caller may do.</param>
public sealed record Caller(UserKey Key, string Name, Role Role)
{
    /// <summary>A caller whose key was read back from storage (<c>channel:id</c>).</summary>
    public Caller(string userKey, string name, Role role)
        : this(Root.UserKey.Parse(userKey), name, role)
    {
    }

    /// <summary>
    /// <see cref="Key"/> in its stored form, which stores, queues and grants keep as text.
    /// </summary>
    // REVIEW: every feature still reads the text form; it goes once they take the typed key.
    public string UserKey => Key.ToString();

    /// <summary>
    /// The network the caller came from, as the key per-address limits use (an IPv4 address or an IPv6 /64), when the
    /// bot can see it: the embedded web chat. Null for callers relayed by a connector (Teams, Azure Direct Line).
    /// </summary>
    public string? ClientAddress { get; init; }

    /// <summary>True when the caller has at least <paramref name="role"/>.</summary>
    public bool Has(Role role) => Role >= role;
}

/// <summary>Decides who a caller is; the web chat channel never grants more than <see cref="Role.Public"/>.</summary>
public interface ICallerResolver
{
    /// <summary>Resolves the sender of <paramref name="activity"/>.</summary>
    Caller Resolve(IActivity activity);
}

/// <summary>Keeps the conversation reference of everyone who writes to or installs the bot (for proactive messages).</summary>
public interface IConversationReferenceSink
{
    /// <summary>Stores (or refreshes) the reference under the caller's key.</summary>
    Task RememberAsync(Caller caller, ConversationReference reference, CancellationToken cancellationToken);
}
