using Cppcc.Dialogs.Framework.Cards;

namespace Cppcc.Dialogs.Root;

/// <summary>
/// A button that runs a text command as if it were typed: <c>{"action":"menu.command","command"}</c>. The router reads
/// it before any card action, so it needs no handler.
/// </summary>
public sealed record MenuCommandSubmit(string? Command) : ICardSubmit<MenuCommandSubmit>
{
    /// <inheritdoc />
    public static string ActionName => MenuCard.MenuAction;
}
