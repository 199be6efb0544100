using Cppcc.Dialogs.Root;

namespace Cppcc.Bot.Conversations;

/// <summary>
/// The staff a notice goes to. The role kept with a stored conversation is the one of the person's last message:
/// someone whose staff rights were withdrawn since (removed from <c>Staff:UserIds</c> or the Graph staff group) must not
/// go on receiving what only staff may read (the public's questions and names, members' reports) until they next
/// write. So each stored key is checked again with the caller rules in force when the notice is sent.
/// </summary>
public sealed class StaffRecipients(IConversationReferenceStore references, ICallerResolver callers)
{
    /// <summary>Keys of every stored user who is staff now.</summary>
    public IReadOnlyList<string> UserKeys() => references.UserKeys(Role.Staff).Where(IsStaffNow).ToList();

    private bool IsStaffNow(string userKey)
        => (references.Find(userKey) ?? references.FindShared(userKey)) is { } reference
           && callers.Resolve(reference.GetContinuationActivity()).Has(Role.Staff);
}
