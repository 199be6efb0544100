using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Audiences;

/// <summary><c>分组</c> / <c>groups</c> (staff): the groups and their sizes.</summary>
public sealed class GroupListCommand(IGroups groups) : ITextCommand
{
    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; } = ["分组", "groups"];

    /// <inheritdoc />
    public bool TakesArguments => false;

    /// <inheritdoc />
    public Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    public MenuItem? Menu => null;

    /// <inheritdoc />
    public Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var list = groups.List();
        var text = list.Count == 0
            ? AudienceTexts.NoGroups.For(turn)
            : AudienceTexts.ListTitle.For(turn) + "\n\n"
                + string.Join("\n\n", list.Select(g => AudienceTexts.Line.Format(turn, g.Kind, g.Name, g.Members)));
        return turn.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
    }
}
