using Cppcc.Dialogs.Framework.Cards;

namespace Cppcc.Dialogs.Audiences;

/// <summary>
/// Staff create or replace a group of members:
/// <c>{"action":"group.set","name","kind":"界别|专委会","members":"id or name, …"}</c> (docs/contract.md, Conversation contract).
/// </summary>
public sealed record GroupSet(string? Name, string? Kind, string? Members) : ICardSubmit<GroupSet>
{
    /// <summary>The kinds of group staff keep: a sector or a special committee.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["界别", "专委会"];

    /// <inheritdoc />
    public static string ActionName => "group.set";

    /// <summary>The member entries: user keys, AAD object ids or display names, separated by commas, semicolons or lines.</summary>
    public IReadOnlyList<string> MemberEntries()
        => (Members ?? "").Split([',', '，', '、', '\n', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
