using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Audiences;

/// <summary><c>同步成员</c> / <c>sync members</c> (staff, in a team channel or group chat where the bot is): reads the roster.</summary>
public sealed class RosterSyncCommand : ITextCommand
{
    private readonly IRoster _roster;

    /// <summary>Creates the command.</summary>
    public RosterSyncCommand(IRoster roster) => _roster = roster;

    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; } = new[] { "同步成员", "sync members" };

    /// <inheritdoc />
    public bool TakesArguments => false;

    /// <inheritdoc />
    public Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    public MenuItem? Menu => null;

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        if (turn.Activity.ChannelId != "msteams")
        {
            await turn.SendActivityAsync(GroupTexts.RosterTeamsOnly.For(turn), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var result = await _roster.SyncAsync(turn, cancellationToken).ConfigureAwait(false);
        await turn.SendActivityAsync(MessageFactory.Text(GroupTexts.RosterSynced.Format(turn, result.Members, result.Created, result.Known, result.Failed)),
            cancellationToken).ConfigureAwait(false);
    }
}
