using Cppcc.Bot.Conversations;
using Cppcc.Bot.Delivery;
using Cppcc.Dialogs.Audiences;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace Cppcc.Bot.Audiences;

/// <summary>
/// Reads a team's (or chat's) roster page by page through TeamsInfo and opens a personal conversation
/// with each member who has none, storing its reference like a member who wrote to the bot. Creating conversations
/// counts against Teams' limits, so each one takes a permit of the delivery engine's global rate.
/// </summary>
public sealed class RosterSync(CloudAdapter adapter, IConversationReferenceStore references, ICallerResolver callers,
    ISendRate rate, IConfiguration configuration, ILogger<RosterSync> logger) : IRoster
{
    private const int PageSize = 100;

    /// <inheritdoc />
    public async Task<RosterSyncResult> SyncAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var botAppId = configuration["MicrosoftAppId"] ?? "";
        var tenantId = turn.Activity.Conversation?.TenantId ?? turn.Activity.GetChannelData<TeamsChannelData>()?.Tenant?.Id;
        int members = 0, created = 0, known = 0, failed = 0;
        string? continuation = null;
        do
        {
            var page = await TeamsInfo.GetPagedMembersAsync(turn, PageSize, continuation, cancellationToken);
            foreach (var member in page.Members ?? [])
            {
                if (member.Id == turn.Activity.Recipient?.Id)
                {
                    continue;
                }

                members++;
                var caller = callers.Resolve(MemberActivity(turn.Activity, member));
                if (references.Find(caller.UserKey) is not null)
                {
                    known++;
                    continue;
                }

                try
                {
                    await rate.AcquireAsync(cancellationToken);
                    await CreateAsync(turn.Activity, member, caller, tenantId, botAppId, cancellationToken);
                    created++;
                }
                catch (Exception e) when (e is ErrorResponseException or HttpRequestException)
                {
                    failed++;
                    logger.LogWarning("Could not open a conversation with a roster member: {Error}", e.GetType().Name);
                }
            }

            continuation = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuation));

        logger.LogInformation("Roster sync: {Members} members, {Created} new conversations, {Known} known, {Failed} failed", members, created, known, failed);
        return new RosterSyncResult(members, created, known, failed);
    }

    private async Task CreateAsync(IActivity from, TeamsChannelAccount member, Caller caller, string? tenantId, string botAppId, CancellationToken cancellationToken)
    {
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = from.Recipient,
            Members = [new ChannelAccount(member.Id, member.Name)],
            TenantId = tenantId,
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo(tenantId) },
        };
        await adapter.CreateConversationAsync(botAppId, from.ChannelId, from.ServiceUrl, null, parameters, async (turn, ct) =>
        {
            var reference = turn.Activity.GetConversationReference();
            // The new conversation's activity has no sender: the reference names the member it was opened with.
            reference.User = new ChannelAccount(member.Id, member.Name, aadObjectId: member.AadObjectId);
            reference.Bot = from.Recipient;
            await references.RememberAsync(caller, reference, ct);
        }, cancellationToken);
    }

    /// <summary>A stand-in activity "from" the roster member, so the one role rule (Staff:UserIds, tenant) decides their role.</summary>
    private static Activity MemberActivity(IActivity turn, TeamsChannelAccount member) => new()
    {
        ChannelId = turn.ChannelId,
        From = new ChannelAccount(member.Id, member.Name, aadObjectId: member.AadObjectId),
        Conversation = new ConversationAccount(tenantId: turn.Conversation?.TenantId),
    };
}
