using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Audiences;

/// <summary><c>{"action":"group.set","name","kind":"界别|专委会","members":"id or name, …"}</c> (staff): creates or replaces a group.</summary>
public sealed class GroupSetAction : ICardAction
{
    private static readonly string[] Kinds = { "界别", "专委会" };
    private readonly IGroups _groups;

    /// <summary>Creates the action.</summary>
    public GroupSetAction(IGroups groups) => _groups = groups;

    /// <inheritdoc />
    public string Name => "group.set";

    /// <inheritdoc />
    public Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, JObject value, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var name = Text(value, "name");
        var kind = Text(value, "kind");
        var entries = Text(value, "members").Split([',', '，', '、', '\n', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var problem = name.Length == 0 ? GroupTexts.MissingName
            : name.Length > 20 || name.Equals("all", StringComparison.OrdinalIgnoreCase) ? GroupTexts.NameTooLong
            : !Kinds.Contains(kind) ? GroupTexts.BadKind
            : entries.Length == 0 ? GroupTexts.NoMembers
            : null;
        if (problem is not null)
        {
            await turn.SendActivityAsync(problem.For(turn), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var (group, unknown) = _groups.Save(name, kind, entries, context.Caller.UserKey);
        var text = GroupTexts.Saved.Format(turn, group.Kind, group.Name, group.Members);
        if (unknown.Count > 0)
            text += "\n\n" + GroupTexts.Unknown.Format(turn, string.Join("、", unknown));
        await turn.SendActivityAsync(MessageFactory.Text(text), cancellationToken).ConfigureAwait(false);
    }

    private static string Text(JObject value, string field) => value[field] is JValue { Value: not null } v ? v.ToString()!.Trim() : "";
}

/// <summary><c>分组</c> / <c>groups</c> (staff): the groups and their sizes.</summary>
public sealed class GroupListCommand : ITextCommand
{
    private readonly IGroups _groups;

    /// <summary>Creates the command.</summary>
    public GroupListCommand(IGroups groups) => _groups = groups;

    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; } = new[] { "分组", "groups" };

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
        var groups = _groups.List();
        var text = groups.Count == 0
            ? GroupTexts.NoGroups.For(turn)
            : GroupTexts.ListTitle.For(turn) + "\n\n" + string.Join("\n\n", groups.Select(g => GroupTexts.Line.Format(turn, g.Kind, g.Name, g.Members)));
        return turn.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
    }
}
