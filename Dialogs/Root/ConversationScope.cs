using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Root;

/// <summary>
/// Whether a conversation is the user's personal chat with the bot or one shared with others. Teams names the scope in
/// <c>conversation.conversationType</c> ("personal", "groupChat", "channel"); the web chat and the Emulator send none
/// and are always one person with the bot. Anything else is treated as shared, so a private message can never land
/// where others read it.
/// </summary>
public static class ConversationScope
{
    /// <summary>True for a one-to-one chat between the user and the bot.</summary>
    public static bool IsPersonal(ConversationAccount? conversation)
        => conversation is not null
           && conversation.IsGroup != true
           && (string.IsNullOrEmpty(conversation.ConversationType) || conversation.ConversationType == "personal");

    /// <inheritdoc cref="IsPersonal(ConversationAccount?)" />
    public static bool IsPersonal(ConversationReference reference) => IsPersonal(reference.Conversation);
}
