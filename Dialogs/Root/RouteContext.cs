using Cppcc.Dialogs.Framework;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Root;

/// <summary>Everything a command or card action needs for one turn.</summary>
/// <param name="Dialogs">The conversation's dialog context (to begin a dialog).</param>
/// <param name="Caller">Who is asking.</param>
public sealed record RouteContext(DialogContext Dialogs, Caller Caller)
{
    /// <summary>The current turn.</summary>
    public ITurnContext Turn => Dialogs.Context;
}
