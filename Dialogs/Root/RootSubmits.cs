using Cppcc.Dialogs.Framework.Cards;

namespace Cppcc.Dialogs.Root;

/// <summary>
/// A menu (or help card) button: <c>{"action":"menu.command","command"}</c> runs the text command <see cref="Command"/>
/// as if it had been typed.
/// </summary>
public sealed record MenuCommand(string? Command) : ICardSubmit<MenuCommand>
{
    /// <inheritdoc />
    public static string ActionName => MenuCard.MenuAction;
}
