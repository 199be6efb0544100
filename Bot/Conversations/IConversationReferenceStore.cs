using Cppcc.Dialogs.Root;
using Microsoft.Bot.Schema;

namespace Cppcc.Bot.Conversations;

/// <summary>
/// The conversation references of everyone who wrote to or installed the bot, keyed by <see cref="Caller.UserKey"/>,
/// so reminders, broadcasts and status changes can reach them later. Each user has at most one personal reference
/// (their one-to-one chat with the bot, the only place private messages go) and, separately, the last group chat or
/// channel they wrote in, kept only to open a personal chat with them: a message in a group never replaces the
/// personal reference. On LiteDB <see cref="ConversationReferenceStore"/>, on PostgreSQL
/// <see cref="PostgresConversationReferenceStore"/>.
/// </summary>
public interface IConversationReferenceStore : IConversationReferenceSink
{
    /// <summary>The user's personal conversation with the bot, or null when they never had one.</summary>
    ConversationReference? Find(string userKey);

    /// <summary>The last group chat or channel the user wrote in (never a place for private messages), or null.</summary>
    ConversationReference? FindShared(string userKey);

    /// <summary>The role the user had when last seen in any conversation, or null for an unknown user.</summary>
    Role? RoleOf(string userKey);

    /// <summary>
    /// Keys of every known user with at least <paramref name="role"/> (members include staff), whether they were seen in
    /// a personal chat or only in a group chat or channel.
    /// </summary>
    IReadOnlyList<string> UserKeys(Role role);

    /// <summary>
    /// Forgets public callers not heard from since <paramref name="cutoff"/>: an anonymous web chat visitor can only
    /// be reached while their page is open, so keeping their references would only grow the store. WeChat users stay.
    /// </summary>
    int ForgetPublicCallersIdleSince(DateTimeOffset cutoff);
}
