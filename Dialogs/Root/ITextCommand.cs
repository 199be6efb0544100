namespace Cppcc.Dialogs.Root;

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
