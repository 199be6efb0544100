using Cppcc.Dialogs.Root;
using Microsoft.Bot.Schema;

namespace Cppcc.Bot.WebChat;

/// <summary>
/// Adds the client address to web chat callers, so that per-address limits of the bot's features (查询, hand-offs,
/// filings) hold across the new conversations a visitor can open at will: on the embedded Direct Line the address that
/// opened the conversation (its id and the server-chosen user id must both match a live one), with Azure's Direct
/// Line the address that asked for the visitor's token. Nothing in the activity itself is taken as an address.
/// </summary>
internal sealed class WebChatCallers(ICallerResolver inner, WebChatConversations conversations, AzureVisitorAddresses azureVisitors) : ICallerResolver
{
    public Caller Resolve(IActivity activity)
    {
        var caller = inner.Resolve(activity);
        if (caller.Role != Role.Public)
        {
            return caller;
        }

        if (WebChatChannel.IsEmbedded(activity.ServiceUrl))
        {
            return activity.Conversation?.Id is { } id
                   && conversations.TryGet(id, out var conversation)
                   && string.Equals(conversation.UserId, activity.From?.Id, StringComparison.Ordinal)
                ? caller with { ClientAddress = conversation.ClientAddress }
                : caller;
        }

        return azureVisitors.Find(activity.From?.Id) is { } address ? caller with { ClientAddress = address } : caller;
    }
}
