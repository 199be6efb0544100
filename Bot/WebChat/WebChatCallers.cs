using Cppcc.Dialogs.Root;
using Microsoft.Bot.Schema;

namespace Cppcc.Bot.WebChat;

/// <summary>
/// Adds the client address to callers of the embedded web chat: the address that opened their conversation, so that
/// per-address limits of the bot's features (查询, hand-offs, filings) hold across the new conversations a visitor can
/// open at will. The conversation and the server-chosen user id must both match a live one; nothing in the activity
/// itself is taken as an address.
/// </summary>
internal sealed class WebChatCallers(ICallerResolver inner, WebChatConversations conversations) : ICallerResolver
{
    public Caller Resolve(IActivity activity)
    {
        var caller = inner.Resolve(activity);
        return WebChatChannel.IsEmbedded(activity.ServiceUrl)
               && activity.Conversation?.Id is { } id
               && conversations.TryGet(id, out var conversation)
               && string.Equals(conversation.UserId, activity.From?.Id, StringComparison.Ordinal)
            ? caller with { ClientAddress = conversation.ClientAddress }
            : caller;
    }
}
