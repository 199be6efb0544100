namespace Cppcc.Dialogs.Root;

/// <summary>A text command that starts a dialog; the text after the word becomes the dialog's options.</summary>
public sealed class StartDialogCommand : ITextCommand
{
    private readonly string _dialogId;

    /// <summary>Creates the command.</summary>
    public StartDialogCommand(string dialogId, IReadOnlyList<string> words, Role minimumRole, MenuItem? menu, bool takesArguments = false)
    {
        _dialogId = dialogId;
        Words = words;
        MinimumRole = minimumRole;
        Menu = menu;
        TakesArguments = takesArguments;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; }

    /// <inheritdoc />
    public bool TakesArguments { get; }

    /// <inheritdoc />
    public Role MinimumRole { get; }

    /// <inheritdoc />
    public MenuItem? Menu { get; }

    /// <inheritdoc />
    public Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
        => context.Dialogs.BeginDialogAsync(_dialogId, arguments.Length == 0 ? null : arguments, cancellationToken);
}
