using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Audiences;

/// <summary><c>同步成员</c> / <c>sync members</c> (staff, in a team channel or group chat where the bot is): reads the roster.</summary>
public sealed class RosterSyncCommand(IRoster roster) : ITextCommand
{
    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; } = ["同步成员", "sync members"];

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
            await turn.SendActivityAsync(AudienceTexts.RosterTeamsOnly.For(turn), cancellationToken: cancellationToken);
            return;
        }

        var result = await roster.SyncAsync(turn, cancellationToken);
        var text = AudienceTexts.RosterSynced.Format(turn, result.Members, result.Created, result.Known, result.Failed);
        await turn.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
    }
}
