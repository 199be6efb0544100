namespace Cppcc.Dialogs.Root;

/// <summary>A text command that starts a dialog; the text after the word becomes the dialog's options.</summary>
public sealed class StartDialogCommand(string dialogId, IReadOnlyList<string> words, Role minimumRole, MenuItem? menu,
    bool takesArguments = false) : ITextCommand
{
    /// <inheritdoc />
    public IReadOnlyList<string> Words => words;

    /// <inheritdoc />
    public bool TakesArguments => takesArguments;

    /// <inheritdoc />
    public Role MinimumRole => minimumRole;

    /// <inheritdoc />
    public MenuItem? Menu => menu;

    /// <inheritdoc />
    public Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
        => context.Dialogs.BeginDialogAsync(dialogId, arguments.Length == 0 ? null : arguments, cancellationToken);
}
