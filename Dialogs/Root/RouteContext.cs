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

/// <summary>A main-menu button for a command.</summary>
/// <param name="Title">Button title.</param>
/// <param name="Order">Position in the menu (ascending).</param>
/// <param name="ShownFrom">The least role that sees the button (a command may be usable by more roles than it is
/// worth offering to, e.g. "my reports" answers the public with a hint but is not in their menu).</param>
public sealed record MenuItem(Localized Title, int Order, Role ShownFrom = Role.Public);

/// <summary>A text command such as <c>查询 SQ-2026-000001</c>; features register theirs in DI.</summary>
public interface ITextCommand
{
    /// <summary>Words that invoke it, Chinese first (matched after normalization, case-insensitive).</summary>
    IReadOnlyList<string> Words { get; }

    /// <summary>True when text after the word is passed as arguments (e.g. a reference).</summary>
    bool TakesArguments { get; }

    /// <summary>The least role allowed to use it.</summary>
    Role MinimumRole { get; }

    /// <summary>Its main-menu button, or null when it is not in the menu.</summary>
    MenuItem? Menu { get; }

    /// <summary>
    /// True when it shows one person's records (their reports, a report's details and contacts, their duty record, staff
    /// lists): in a group chat or channel everyone would read the reply, so there it only points to the personal chat.
    /// </summary>
    bool PersonalOnly => false;

    /// <summary>Runs the command.</summary>
    Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken);
}

/// <summary>An Adaptive Card submit whose <c>value.action</c> names it (docs/contract.md §4).</summary>
public interface ICardAction
{
    /// <summary>The action name, e.g. <c>report.submit</c>.</summary>
    string Name { get; }

    /// <summary>The least role allowed to use it.</summary>
    Role MinimumRole { get; }

    /// <summary>Runs the action with the submitted values.</summary>
    Task ExecuteAsync(RouteContext context, Newtonsoft.Json.Linq.JObject value, CancellationToken cancellationToken);
}

/// <summary>Answers everything that is not a command (the knowledge base).</summary>
public interface IQuestionHandler
{
    /// <summary>Answers <paramref name="question"/>.</summary>
    Task AnswerAsync(RouteContext context, string question, CancellationToken cancellationToken);
}
