using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace Cppcc.Bot.Conversations;

/// <summary>
/// Where a private message to one user goes: their personal chat with the bot, never a group chat or channel. A Teams
/// member seen only in a group chat or channel gets a personal chat opened for them (CreateConversation with the
/// tenant and the member, as Teams requires) when the first message to them is actually sent; a user with neither is
/// unreachable.
/// </summary>
public sealed class PersonalConversations(IConversationReferenceStore references, CloudAdapter adapter, IConfiguration configuration,
    ILogger<PersonalConversations> logger)
{
    /// <summary>Conversation id of a reference that stands for a personal chat still to be opened (never a real id).</summary>
    public const string ToOpenPrefix = "personal-to-open:";

    /// <summary>
    /// The user's personal reference; for a Teams member known only from a group chat or channel, a stand-in that
    /// <see cref="OpenAsync"/> turns into a new personal chat; null when the user cannot be reached privately.
    /// </summary>
    public ConversationReference? For(string userKey)
    {
        if (references.Find(userKey) is { } personal)
        {
            return personal;
        }

        if (references.FindShared(userKey) is not { } shared || !CanOpenFrom(shared))
        {
            return null;
        }

        return new ConversationReference
        {
            ChannelId = shared.ChannelId,
            ServiceUrl = shared.ServiceUrl,
            Bot = shared.Bot,
            User = shared.User,
            Locale = shared.Locale,
            Conversation = new ConversationAccount(isGroup: false, conversationType: "personal", id: ToOpenPrefix + userKey,
                tenantId: shared.Conversation.TenantId),
        };
    }

    /// <summary>True when <paramref name="reference"/> is a stand-in made by <see cref="For"/>.</summary>
    public static bool IsToOpen(ConversationReference reference)
        => reference.Conversation?.Id?.StartsWith(ToOpenPrefix, StringComparison.Ordinal) == true;

    /// <summary>
    /// The personal reference behind a stand-in: the stored one if the user has one by now (they wrote, or an earlier
    /// message opened it), else a new conversation opened and stored. Connector errors (403 when the app is not
    /// installed for the user, 404, 429) reach the caller unchanged so delivery can classify them.
    /// </summary>
    public async Task<ConversationReference> OpenAsync(ConversationReference toOpen, CancellationToken cancellationToken)
    {
        if (!IsToOpen(toOpen))
        {
            return toOpen;
        }

        var userKey = toOpen.Conversation.Id[ToOpenPrefix.Length..];
        if (references.Find(userKey) is { } personal)
        {
            return personal;
        }

        // Two opens for the same user at once (a notice and a broadcast's progress card) are harmless: the channel
        // answers with the same one-to-one conversation for the same bot and user.
        var tenantId = toOpen.Conversation.TenantId;
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = toOpen.Bot,
            Members = [new ChannelAccount(toOpen.User.Id, toOpen.User.Name)],
            TenantId = tenantId,
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo(tenantId) },
        };
        ConversationReference? opened = null;
        await adapter.CreateConversationAsync(configuration["MicrosoftAppId"] ?? "", toOpen.ChannelId, toOpen.ServiceUrl, null, parameters,
            (turn, _) =>
            {
                // The new conversation's activity has no sender and no scope: name both, so it is stored as personal.
                opened = turn.Activity.GetConversationReference();
                opened.User = toOpen.User;
                opened.Bot = toOpen.Bot;
                opened.Locale = toOpen.Locale;
                opened.Conversation.ConversationType = "personal";
                opened.Conversation.IsGroup = false;
                opened.Conversation.TenantId ??= tenantId;
                return Task.CompletedTask;
            }, cancellationToken);
        if (opened?.Conversation?.Id is not { Length: > 0 })
        {
            throw new InvalidOperationException("The channel opened a conversation without an id.");
        }

        var caller = new Caller(userKey, toOpen.User.Name ?? "", references.RoleOf(userKey) ?? Role.Member);
        await references.RememberAsync(caller, opened, cancellationToken);
        logger.LogInformation("Opened a personal conversation for a user known only from a group chat or channel");
        return opened;
    }

    /// <summary>Teams can open a personal chat given the tenant and the member's id; other channels cannot.</summary>
    private static bool CanOpenFrom(ConversationReference shared)
        => shared.ChannelId == Channels.Msteams
           && !string.IsNullOrEmpty(shared.ServiceUrl)
           && !string.IsNullOrEmpty(shared.Conversation?.TenantId)
           && !string.IsNullOrEmpty(shared.User?.Id);
}
