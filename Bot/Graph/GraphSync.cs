using Cppcc.Bot.Conversations;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Connector;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models.ODataErrors;

namespace Cppcc.Bot.Graph;

/// <summary>What one sync did.</summary>
public sealed record GraphSyncResult(int Staff, int Members, int Reachable, int Installed, int Failed);

/// <summary>
/// Staff from Graph:StaffGroupId; members from Graph:MembersGroupId, with the Teams app installed for those the bot
/// cannot reach yet (no stored conversation), so that reminders and broadcasts reach them once Teams reports the install.
/// </summary>
public sealed class GraphSync(GraphDirectory directory, GraphStaff staff, IConversationReferenceStore references,
    IOptions<GraphOptions> options, ILogger<GraphSync> logger)
{
    public async Task<GraphSyncResult> SyncAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var staffIds = new List<string>();
        if (o.StaffGroupId.Length > 0)
        {
            staffIds = (await directory.UsersInGroupAsync(o.StaffGroupId, cancellationToken)).Select(u => u.Id!).ToList();
            staff.Replace(staffIds);
        }

        int members = 0, reachable = 0, installed = 0, failed = 0;
        if (o.MembersGroupId.Length > 0)
        {
            foreach (var user in await directory.UsersInGroupAsync(o.MembersGroupId, cancellationToken))
            {
                members++;
                if (references.Find(UserKey.For(Channels.Msteams, user.Id).ToString()) is not null)
                {
                    reachable++;
                    continue;
                }
                if (o.TeamsAppId.Length == 0)
                {
                    continue;
                }

                try
                {
                    await directory.InstallAppAsync(user.Id!, o.TeamsAppId, o.EffectiveBaseUrl, cancellationToken);
                    installed++;
                }
                catch (ODataError e) when (e.ResponseStatusCode == 409)
                {
                    installed++; // already installed; Teams has told (or will tell) the bot
                }
                catch (ODataError e)
                {
                    failed++;
                    logger.LogWarning("Installing the Teams app for a member failed with {Status} {Code}", e.ResponseStatusCode, e.Error?.Code);
                }
            }
        }

        logger.LogInformation("Graph sync: {Staff} staff, {Members} members ({Reachable} reachable, {Installed} installs requested, {Failed} failed)",
            staffIds.Count, members, reachable, installed, failed);
        return new GraphSyncResult(staffIds.Count, members, reachable, installed, failed);
    }
}
