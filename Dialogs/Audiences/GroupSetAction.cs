using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Audiences;

/// <summary>Staff create or replace a group (<see cref="GroupSet"/>); a bad field is named and nothing is saved.</summary>
public sealed class GroupSetAction(IGroups groups, OfficeTime office) : CardAction<GroupSet>(office)
{
    private const int MaxNameLength = 20;

    /// <inheritdoc />
    public override Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    protected override async Task HandleAsync(RouteContext context, GroupSet submit, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var name = submit.Name?.Trim() ?? "";
        var kind = submit.Kind?.Trim() ?? "";
        var entries = submit.MemberEntries();
        if (Problem(name, kind, entries) is { } problem)
        {
            await turn.SendActivityAsync(problem.For(turn), cancellationToken: cancellationToken);
            return;
        }

        var (group, unknown) = groups.Save(name, kind, entries, context.Caller.UserKey);
        var text = AudienceTexts.Saved.Format(turn, group.Kind, group.Name, group.Members);
        if (unknown.Count > 0)
        {
            text += "\n\n" + AudienceTexts.Unknown.Format(turn, string.Join("、", unknown));
        }

        await turn.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
    }

    // "all" is the audience of every member: a group of that name could never be chosen.
    private static Localized? Problem(string name, string kind, IReadOnlyList<string> entries)
        => name.Length == 0 ? AudienceTexts.MissingName
            : name.Length > MaxNameLength || name.Equals("all", StringComparison.OrdinalIgnoreCase) ? AudienceTexts.NameTooLong
            : !GroupSet.Kinds.Contains(kind) ? AudienceTexts.BadKind
            : entries.Count == 0 ? AudienceTexts.NoMembers
            : null;
}
