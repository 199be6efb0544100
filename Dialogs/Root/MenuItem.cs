using Cppcc.Dialogs.Framework;

namespace Cppcc.Dialogs.Root;

/// <summary>A main-menu button for a command.</summary>
/// <param name="Title">Button title.</param>
/// <param name="Order">Position in the menu (ascending).</param>
/// <param name="ShownFrom">The least role that sees the button (a command may be usable by more roles than it is
/// worth offering to, e.g. "my reports" answers the public with a hint but is not in their menu).</param>
public sealed record MenuItem(Localized Title, int Order, Role ShownFrom = Role.Public);
