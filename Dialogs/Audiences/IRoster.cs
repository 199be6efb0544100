using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Audiences;

/// <summary>What a roster sync found.</summary>
/// <param name="Members">People on the team / chat roster (the bot excluded).</param>
/// <param name="Created">Of them, members who had no conversation with the bot and now have one.</param>
/// <param name="Known">Members who already had one.</param>
/// <param name="Failed">Members for whom no conversation could be created (e.g. the app is not installed for them).</param>
public sealed record RosterSyncResult(int Members, int Created, int Known, int Failed);

/// <summary>Makes every member on a Teams roster reachable by reminders and broadcasts (implemented in Bot/Audiences).</summary>
public interface IRoster
{
    /// <summary>Reads the roster of the team or chat the turn comes from (paged) and opens a personal conversation with each member the bot cannot reach yet.</summary>
    Task<RosterSyncResult> SyncAsync(ITurnContext turn, CancellationToken cancellationToken);
}
